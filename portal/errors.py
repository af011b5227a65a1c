"""The site's 500 page, which must answer whatever failed: ``500.html`` in the site's frame
when it renders, else the same Thai message on a plain page that needs neither the cache nor
the database (Redis and PostgreSQL are what most often fail behind a 500)."""

import logging

from django.http import HttpResponseServerError
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

PLAIN = """<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>ขออภัย ระบบขัดข้อง | เทศบาลนครนครสวรรค์</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>ขออภัย ระบบขัดข้องชั่วคราว</h1>
<p>กรุณาลองใหม่อีกครั้งในภายหลัง หรือโทรติดต่อเทศบาลนครนครสวรรค์</p>
<p lang="en">Sorry, something went wrong. Please try again later.</p>
<p><a href="/">กลับหน้าหลัก</a></p></main></body></html>
"""


def server_error(request, template_name="500.html"):
    try:
        return django_server_error(request, template_name)
    except Exception:
        logger.exception("The 500 page could not be rendered; served the plain one")
        return HttpResponseServerError(PLAIN)
