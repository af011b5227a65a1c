"""Open data and reports are safe to open in a spreadsheet: a cell whose text begins with
``=``, ``+``, ``-`` or ``@`` (a notice title, a search query anyone typed) is written as text,
not as a formula, in every CSV and XLSX download."""

import csv
import datetime
import io

from django.test import TestCase
from openpyxl import load_workbook

from ownership.models import Role
from search.models import SearchMiss
from tests.factories import translated_home
from tests.moderation_support import make_user, sign_in
from tests.procurement_support import add, procurement_indexes
from tests.test_announcements import announcements_index

HOSTILE = ['=HYPERLINK("http://evil.example","ข่าว")', "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1"]


def xlsx_values(content):
    workbook = load_workbook(io.BytesIO(content))
    return [
        (cell.value, cell.data_type)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


class ExportsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            home = translated_home()
        notices = announcements_index(home)
        _listing, cls.summaries = procurement_indexes(home)
        for number, subject in enumerate(HOSTILE):
            add(notices, f"hostile-{number}", subject)
        for query in HOSTILE:
            SearchMiss.objects.create(
                week=datetime.date(2024, 3, 4), query=query, searches=3, results=0
            )
        cls.operator = make_user("web-operator", Role.OPERATOR)

    def assert_no_formula(self, texts):
        for text in texts:
            if isinstance(text, str) and text.lstrip("'").startswith(("=", "+", "-", "@", "\t")):
                self.assertTrue(text.startswith("'"), text)

    def test_procurement_open_data_writes_formulas_as_text(self):
        response = self.client.get("/procurement/?format=csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        cells = [cell for row in rows for cell in row]
        self.assertIn('\'=HYPERLINK("http://evil.example","ข่าว")', cells)
        self.assertIn("'-2+3", cells)
        self.assertIn("'\t=1+1", cells)
        self.assert_no_formula(cells)
        # The ITA procurement list of fiscal year 2569 (the notices are of October 2025).
        response = self.client.get(self.summaries.url + "ita/2569/xlsx/")
        values = xlsx_values(response.content)
        self.assertNotIn("f", {data_type for _value, data_type in values})
        self.assertIn(("'@SUM(A1:A9)", "s"), values)
        self.assert_no_formula([value for value, _type in values])

    def test_the_search_report_writes_typed_queries_as_text(self):
        sign_in(self.client, self.operator)
        response = self.client.get("/admin/reports/search-misses/", {"export": "csv"})
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        cells = [cell for row in csv.reader(io.StringIO(content)) for cell in row]
        self.assertIn("'+1+1", cells)
        self.assert_no_formula(cells)
        response = self.client.get("/admin/reports/search-misses/", {"export": "xlsx"})
        values = xlsx_values(b"".join(response.streaming_content))
        self.assertIn(('\'=HYPERLINK("http://evil.example","ข่าว")', "s"), values)
