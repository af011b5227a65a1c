# Varnish in front of the portal (docs/performance.md). The portal marks what may be shared
# (Cache-Control: public, s-maxage=…) and purges after every content change: Wagtail's
# frontend cache sends PURGE for each site's root (WAGTAILFRONTENDCACHE, VARNISH_URL), and since
# one change can show on every page (menus, listings, feeds, footer), a purge bans all pages of
# that host. Test: tests/test_varnish.py starts Debian's varnishd with this file.
#
# Several web instances (docs/operations.md, "Topology"): Varnish balances them round-robin.
# For each instance after the first, add a backend and put it in the director, e.g.
#     backend portal2 { .host = "10.0.0.12"; .port = "8000"; }
#     sub vcl_init { web.add_backend(portal2); }
# (VCL joins subroutines of one name in order). `make stack` (deploy/stack.py) does so for its
# second instance; tests/test_two_instances.py runs it.
vcl 4.1;

import directors;

backend portal {
    .host = "127.0.0.1";
    .port = "8000";
}

sub vcl_init {
    new web = directors.round_robin();
    web.add_backend(portal);
}

# Who may purge: the portal's own processes.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = web.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-portal-host == " + req.http.host);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, documents (privacy by collection) and anyone signed in (staff, previews, a page
    # whose password was given) go to the portal.
    if (req.url ~ "^/(admin|documents)/" || req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # No other cookie changes what the portal renders (the consent banner is the browser's
    # script); a page with a CSRF token sets its own cookie and is not kept.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Remembered for the ban above (bans on obj.* are evaluated by the ban lurker too).
    set beresp.http.x-portal-host = bereq.http.host;
}

# An instance that does not answer (restarting, being deployed): a page is asked once more, of
# the next instance. A form sent (POST) is not sent twice.
sub vcl_backend_error {
    if (bereq.retries == 0 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.x-portal-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
