"""Links to other sites: checked in parallel (bounded), each with a timeout and one retry. A
failure is a warning, not an error: another site can be down for an hour.

The HTTP client is injectable: ``ExternalLinkChecker(fetch=...)`` takes any callable
``fetch(url, timeout) -> status code`` that raises ``OSError`` when the site does not answer;
the default uses the standard library (HEAD, then GET where HEAD is refused).
"""

import time
import urllib.error
import urllib.request
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

from django.conf import settings

USER_AGENT = "NakhonSawanCity-SiteCheck/1.0 (+daily link check of the municipal website)"
# Sites that refuse HEAD (or bots) answer these; the GET that follows tells the truth.
RETRY_WITH_GET = {403, 405, 501}


@dataclass(frozen=True)
class LinkResult:
    ok: bool
    status: int | None = None
    error: str = ""

    @property
    def reason(self):
        return f"HTTP {self.status}" if self.status else self.error


def urllib_fetch(url, timeout):
    """The status code of ``url`` (redirects followed), HEAD first."""
    status = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status not in RETRY_WITH_GET:
            break
    return status


class ExternalLinkChecker:
    def __init__(self, fetch=None, timeout=None, workers=None, retries=None, retry_delay=None):
        self.fetch = fetch or urllib_fetch
        self.timeout = timeout or getattr(settings, "OVERSIGHT_EXTERNAL_TIMEOUT", 10)
        self.workers = workers or getattr(settings, "OVERSIGHT_EXTERNAL_WORKERS", 8)
        self.retries = (
            getattr(settings, "OVERSIGHT_EXTERNAL_RETRIES", 1) if retries is None else retries
        )
        self.retry_delay = 2.0 if retry_delay is None else retry_delay

    def check_one(self, url):
        result = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.retry_delay)
            try:
                status = self.fetch(url, self.timeout)
            except (OSError, ValueError) as error:  # refused, timed out, DNS, bad URL
                reason = getattr(error, "reason", None) or error
                result = LinkResult(ok=False, error=str(reason)[:200] or type(error).__name__)
                continue
            result = LinkResult(ok=status is not None and status < 400, status=status)
            if result.ok:
                break
        return result

    def check(self, urls, deadline=None, progress=None):
        """``{url: LinkResult}`` for the URLs checked before ``deadline`` (a monotonic time);
        those not reached are left out (neither found broken nor found fixed)."""
        urls = sorted(set(urls))
        results = {}
        if not urls:
            return results
        executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="linkcheck")
        try:
            pending = {executor.submit(self.check_one, url): url for url in urls}
            while pending:
                timeout = None if deadline is None else max(0, deadline - time.monotonic())
                done, _ = wait(pending, timeout=timeout, return_when=FIRST_COMPLETED)
                if not done:  # out of time
                    break
                for future in done:
                    results[pending.pop(future)] = future.result()
                if progress:
                    progress(len(results), len(urls))
        finally:
            executor.shutdown(wait=False, cancel_futures=True)
        return results
