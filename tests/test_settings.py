"""Production settings: refuse to start unconfigured, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "WAGTAILADMIN_BASE_URL"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_to_start_without_a_secret_key(self):
        result = run_manage("check", ALLOWED_HOSTS="www.example.go.th")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY is not set", result.stderr)

    def test_refuses_to_start_without_allowed_hosts(self):
        result = run_manage("check", SECRET_KEY="x" * 60)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ALLOWED_HOSTS is not set", result.stderr)

    def test_deployment_checks_are_clean(self):
        result = run_manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            SECRET_KEY="a-long-random-production-secret-" + "k" * 40,
            ALLOWED_HOSTS="www.nakhonsawancity.go.th",
            WAGTAILADMIN_BASE_URL="https://www.nakhonsawancity.go.th",
        )
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_a_misspelt_boolean_is_refused_not_read_as_true(self):
        result = run_manage(
            "check", SECRET_KEY="x" * 60, ALLOWED_HOSTS="example.go.th", DEBUG="maybe"
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DEBUG must be true or false", result.stderr)
