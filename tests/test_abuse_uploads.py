"""Oversized uploads are refused without being stored: a body past REQUEST_BODY_MAX_MB is
refused before a byte is read, and a file past UPLOAD_FILE_MAX_MB is read no further than
the limit, so nothing larger reaches the temporary folder. Real bytes are streamed to the
site's own request handler, which reads them as gunicorn hands them over."""

import io
import sys
import tempfile
from pathlib import Path

from django.test import TestCase, override_settings
from django.test.client import ClientHandler

from tests.test_cases import build_tree

MB = 1024 * 1024
BOUNDARY = "----hostile-upload"


class StreamedBody(io.RawIOBase):
    """A multipart body of ``size`` bytes made as it is read (a photo field full of bytes);
    records how much was read and the largest file in ``watch`` at each read."""

    def __init__(self, size, watch):
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="attachments"; '
            f'filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
        ).encode()
        tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.parts, self.size, self.position = (head, tail), size, 0
        self.watch, self.largest_temp_file = Path(watch), 0

    def readable(self):
        return True

    def _byte_at(self, index):
        head, tail = self.parts
        if index < len(head):
            return head[index : index + 1]
        if index >= self.size - len(tail):
            return tail[index - (self.size - len(tail)) : index - (self.size - len(tail)) + 1]
        return b"\xff"

    def read(self, n=-1):
        sizes = [path.stat().st_size for path in self.watch.iterdir() if path.is_file()]
        self.largest_temp_file = max([self.largest_temp_file, *sizes])
        n = self.size - self.position if n is None or n < 0 else min(n, self.size - self.position)
        head, tail = self.parts
        start, self.position = self.position, self.position + n
        if start >= len(head) and self.position <= self.size - len(tail):
            return b"\xff" * n
        return b"".join(self._byte_at(index) for index in range(start, self.position))

    def readline(self, limit=-1):
        return self.read(limit if limit and limit > 0 else 64 * 1024)


class StreamedUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page, _questions, _statistics = build_tree()

    def setUp(self):
        self.temp_dir = tempfile.mkdtemp(prefix="portal-upload-")

    def post(self, size):
        body = StreamedBody(size, self.temp_dir)
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": self.page.url,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "203.0.113.7",
            "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
            "CONTENT_LENGTH": str(size),
            "wsgi.input": body,
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        with override_settings(FILE_UPLOAD_TEMP_DIR=self.temp_dir):
            response = ClientHandler(enforce_csrf_checks=False)(environ)
        return response, body

    def test_a_300_mb_post_is_refused_unread(self):
        response, body = self.post(300 * MB)
        self.assertEqual(response.status_code, 413)
        self.assertIn("ไฟล์หรือข้อมูลมีขนาดใหญ่เกินไป", response.content.decode())
        self.assertEqual(body.position, 0)
        self.assertEqual(list(Path(self.temp_dir).iterdir()), [])

    @override_settings(UPLOAD_FILE_MAX_MB=2, REQUEST_BODY_MAX_MB=5)
    def test_a_file_past_the_limit_is_read_no_further(self):
        response, body = self.post(4 * MB + 512 * 1024)
        self.assertEqual(response.status_code, 413)
        self.assertIn("ระบบรับไฟล์ได้ไม่เกินไฟล์ละ 2 เมกะไบต์", response.content.decode())
        self.assertLess(body.position, 2 * MB + 256 * 1024)
        self.assertLessEqual(body.largest_temp_file, 2 * MB)
        self.assertGreater(body.largest_temp_file, 0)  # the temporary folder was really used
