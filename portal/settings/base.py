"""Settings shared by every environment, safe for production by default.

``dev`` and ``test`` loosen them; ``production`` only adds what needs a real
deployment. Every variable read here is listed in ``.env.example``.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from portal.env import (
    bucket_url,
    check_buckets,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    origin_of,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
# Empty means "not configured": Django refuses to run with an empty key, and
# production.py says which variable to set.
SECRET_KEY = env_str("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "thai",
    "ownership",
    # The page cache for anonymous visitors and its content version (docs/performance.md).
    "pagecache",
    "core",
    # Before wagtail.admin: its Thai notification e-mail templates replace Wagtail's.
    "moderation",
    # Sign-in, two-factor, lock-out and staff positions; before wagtail.admin too, so that its
    # templates may override the admin's.
    "accounts",
    "csp",
    "home",
    "about",
    "departments",
    "news",
    "procurement",
    "schools",
    "oversight",
    "transparency",
    "cases",
    "policies",
    "search",
    "feeds",
    "imports",
    "demo",
    # Backup and restore (manage.py backup / restore, docs/operations.md).
    "operations",
    # Every e-mail waits in a table until the scheduler delivers it (issue 17).
    "outbox",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    # The sitemap.xml template of Wagtail's sitemap view (core/sitemaps.py).
    "django.contrib.sitemaps",
    # The table block of the block library (core/blocks.py) and its editor script.
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.users_app.StaffUsersAppConfig",  # wagtail.users, with staff positions
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Page cache (pagecache/, docs/performance.md): above sessions, so a hit renders nothing;
    # above GZip, so it stores the compressed form.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Admin only: idle sessions end, two-factor for operators and IT administrators.
    "accounts.middleware.AdminAccessMiddleware",
    # wagtail-localize cannot publish translations around the approval workflow.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the Thai lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL selects it (PostgreSQL in production); an SQLite file
# beside the project when unset. Connections are kept open between requests.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Search (issue 20, docs/search.md): PostgreSQL's JIT off for the portal's connections. Its
# cost threshold is met by any query on a table never analysed (a fresh load: the search
# result query was costed at 4×10¹⁰ and compiled for 4.6 s per request), and the portal's
# queries are short index lookups that compiling never pays back. Parallel workers off too: a
# search's ranking at 20,000 notices was planned with a worker, which read every searched page
# into a hash table of its own (twice the work, and a process started, for 40 ms).
if DATABASES["default"].get("ENGINE") == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c max_parallel_workers_per_gather=0"
    )
# A shared cache across web workers in production (REDIS_URL); per-process otherwise.
REDIS_URL = env_str("REDIS_URL", "")
# Redis is an accelerator (portal/cache.py, issue 17): when it is down, reads miss and pages come
# from the database, with one log line; a silent Redis costs at most a second before that.
CACHES = {
    "default": {
        "BACKEND": "portal.cache.ForgivingRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    if REDIS_URL
    # Per process, each value kept at most 30 s: other workers cannot clear it (issue 17).
    else {"BACKEND": "portal.cache.ProcessCache"}
}

# Page cache (pagecache/, docs/performance.md). Anonymous visitors' pages are kept this many
# seconds in the cache below (0 turns it off), each key holding the content version that every
# content change raises; shared caches (Varnish, a CDN) may keep them as long (s-maxage),
# browsers revalidate (max-age). HTML, JSON, CSV and feeds are gzip-compressed (GZipMiddleware;
# Django masks CSRF tokens per response and pads gzip against BREACH).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_BROWSER_SECONDS = 0
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_EXCLUDE_PATHS = ["/admin/", "/documents/"]
# Parts of pages kept under the content version, pages rendered or not (pagecache/fragments.py).
PAGE_FRAGMENT_SECONDS = env_int("PAGE_FRAGMENT_SECONDS", 600)
# Content that is neither a page, a snippet, a setting nor a Wagtail model but shows on pages.
PAGE_CACHE_CONTENT_MODELS = [
    "cases.Complaint",
    "cases.ComplaintCategory",
    "wagtailsearchpromotions.SearchPromotion",
]
# Varnish (deploy/varnish.vcl) or a CDN in front: Wagtail purges it after each content change
# (pagecache.purge). VARNISH_URL is Varnish's own address, e.g. http://127.0.0.1:6081.
VARNISH_URL = env_str("VARNISH_URL", "")
WAGTAILFRONTENDCACHE = (
    {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": VARNISH_URL,
        }
    }
    if VARNISH_URL
    else {}
)
# One purge per site: the VCL bans every page of the host (one content version, site-wide).
WAGTAILFRONTENDCACHE_LANGUAGES = []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (accounts/, docs/architecture.md "Approval and accounts").
# Lock-out: 5 failed sign-ins for one username from one address, counted over 15 minutes, lock
# that pair for 15 minutes (IT administrators unlock earlier under Settings).
AUTHENTICATION_BACKENDS = [
    "accounts.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.auth.lockout_response"
AXES_CLIENT_IP_CALLABLE = "portal.throttle.client_ip"
# Two-factor (TOTP) for web operators and IT administrators.
OTP_TOTP_ISSUER = "เทศบาลนครนครสวรรค์"
# Admin sessions end after 30 idle minutes (accounts.middleware).
ADMIN_IDLE_TIMEOUT_SECONDS = 30 * 60

# Approval (moderation/). An edit during approval voids the approvals given before it: what
# goes live is always the version every step approved.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Approving the last step publishes; nobody but a superuser publishes any other way
# (ownership.permissions).
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.workflow.publish_approved"
# Workflow e-mails go to the groups concerned, not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Thai first: Thai at /, English at /en/.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The sign-in form with its password field labelled in Thai (Wagtail leaves it unlabelled).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.auth.LoginForm"
# A new translation stays a draft, still in Thai, until it goes through approval.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
# Where collectstatic puts the files that WhiteNoise serves; the scripts that build a site of
# their own (deploy/stack.py, bench/, audit/) point it at their temporary folder.
STATIC_ROOT = Path(env_str("STATIC_ROOT", "") or BASE_DIR / "static_collected")
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Citizen channels (cases/, docs/cases.md): complaint attachments are personal data, kept
# outside MEDIA_ROOT and served to staff only.
CASES_FILES_ROOT = Path(env_str("CASES_FILES_ROOT", str(MEDIA_ROOT.parent / "private-media")))
# Media and complaint attachments on the local disk, or in two buckets of an S3-compatible store
# (portal/storage.py, docs/operations.md "Object storage"). Both kinds are described here, so
# that `manage.py move_media` can copy between them; STORAGES uses the one chosen.
MEDIA_STORAGE = env_choice("MEDIA_STORAGE", ["disk", "s3"], "disk")
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL", "").rstrip("/")
S3_ADDRESSING_STYLE = env_choice("S3_ADDRESSING_STYLE", ["path", "virtual"], "path")
S3_PUBLIC_BUCKET = env_str("S3_PUBLIC_BUCKET", "")
S3_PRIVATE_BUCKET = env_str("S3_PRIVATE_BUCKET", "")
S3_CONNECTION = {
    "endpoint_url": S3_ENDPOINT_URL or None,
    "region_name": env_str("S3_REGION", "us-east-1"),
    "access_key": env_str("S3_ACCESS_KEY_ID", "") or None,
    "secret_key": env_str("S3_SECRET_ACCESS_KEY", "") or None,
    "addressing_style": S3_ADDRESSING_STYLE,
    "querystring_expire": env_int("S3_SIGNED_URL_SECONDS", 300),
}
MEDIA_STORAGES = {
    "disk": {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "portal.storage.PrivateFileSystemStorage"},
    },
    "s3": {
        "default": {
            "BACKEND": "portal.storage.PublicBucketStorage",
            "OPTIONS": {
                **S3_CONNECTION,
                "bucket_name": S3_PUBLIC_BUCKET,
                "public_url": env_str("S3_PUBLIC_URL", "")
                or bucket_url(S3_ENDPOINT_URL, S3_PUBLIC_BUCKET, S3_ADDRESSING_STYLE),
                "object_acls": env_bool("S3_OBJECT_ACLS", True),
            },
        },
        "private": {
            "BACKEND": "portal.storage.PrivateBucketStorage",
            "OPTIONS": {**S3_CONNECTION, "bucket_name": S3_PRIVATE_BUCKET},
        },
    },
}
if MEDIA_STORAGE == "s3":
    check_buckets(S3_PUBLIC_BUCKET, S3_PRIVATE_BUCKET)
STORAGES = {
    **MEDIA_STORAGES[MEDIA_STORAGE],
    "staticfiles": {"BACKEND": "portal.staticfiles.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Mail never fails a request (outbox/, issue 17): the site writes each e-mail into the outbox
# in the request's transaction, and the scheduler delivers it through EMAIL_BACKEND (SMTP),
# trying again with growing waits. EMAIL_TIMEOUT keeps a silent server from holding it.
OUTBOX_EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_BACKEND = "outbox.backends.OutboxBackend"
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "เทศบาลนครนครสวรรค์ <webmaster@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: the headers are on everywhere; production.py adds HTTPS-only parts.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The public site allows scripts, styles and images from itself only: no CDN,
# no inline script. Wagtail's admin ships inline scripts, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The location map's Google embed, loaded only when the citizen asks for it.
        "frame-src": ["https://www.google.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if MEDIA_STORAGE == "s3":
    # Pages show the image renditions from the public bucket (or its CDN).
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        origin_of(MEDIA_STORAGES["s3"]["default"]["OPTIONS"]["public_url"])
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Personal data of closed cases is anonymised this many days after closing (the scheduler's
# anonymise_cases job).
CASES_RETENTION_DAYS = env_int("CASES_RETENTION_DAYS", 365)

WAGTAIL_SITE_NAME = "เทศบาลนครนครสวรรค์"
# The municipality as the procurement summaries and the ITA procurement list name it.
PROCUREMENT_AGENCY = {
    "name": "เทศบาลนครนครสวรรค์",
    "district": "อำเภอเมืองนครสวรรค์",
    "province": "จังหวัดนครสวรรค์",
    "ministry": "กระทรวงมหาดไทย",
    "agency_type": "องค์กรปกครองส่วนท้องถิ่น",
}
# The one site address of every e-mail's links (core/links.py); production requires it and
# `check --deploy` refuses a local one (core/checks.py). `make run` sets it from ADDRESS.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Thai-aware search on SQLite and PostgreSQL (thai/backends); docs/search.md has the
# Elasticsearch/OpenSearch setting for large deployments.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "thai.backends"}}
# Wagtail's check looks for Page's own field objects; search.W001 checks the Thai ones instead.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]
# The open-data API (/api/v2/) is read-only and public: JSON only, no browsable HTML forms.
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Admin input formats (Python strftime syntax): day first, as Thai forms write dates.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Abuse protection (docs/operations-abuse.md) ------------------------------------------------
# X-Forwarded-For is believed only from these proxies (addresses or networks, comma-separated,
# e.g. 127.0.0.1 for nginx on the same host); the sign-in lock-out and every rate limit count
# the address found through them (portal.throttle.client_ip). Empty: the connection's address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Requests larger than this are answered 413 before their body is read, and an uploaded file
# is read only up to UPLOAD_FILE_MAX_MB (the largest document the admin accepts); a NUL byte
# in the address answers 400 (portal.limits). The proxy's own limit must be at least
# REQUEST_BODY_MAX_MB (client_max_body_size in nginx).
REQUEST_BODY_MAX_MB = env_int("REQUEST_BODY_MAX_MB", 25)
UPLOAD_FILE_MAX_MB = max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE) // (
    1024 * 1024
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "portal.limits.RequestLimitsMiddleware",
)
FILE_UPLOAD_HANDLERS = [
    "portal.limits.FileSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Documents and images are public once a live public page uses them (core.public_files), or
# at once in these collections (names, comma-separated). Served through Django, never by the
# web server from MEDIA_ROOT/documents (docs/operations-abuse.md).
PUBLIC_COLLECTIONS = env_list("PUBLIC_COLLECTIONS")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Password-reset e-mails an hour, per address asking and per account (accounts.throttling);
# wrong two-factor codes per account and address in 15 minutes. django-otp's own throttle is
# per device: whoever has the password could lock the real user out, so it is off.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.throttling.ThrottledPasswordResetForm"
PASSWORD_RESETS_PER_HOUR_PER_ADDRESS = 5
PASSWORD_RESETS_PER_HOUR_PER_ACCOUNT = 3
TWO_FACTOR_FAILURES_PER_ADDRESS = 5
OTP_TOTP_THROTTLE_FACTOR = 0
