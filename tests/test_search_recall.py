"""The Thai search test set (search/data/thai_search_testset.json): Recall@10 of at least 0.98
and no result at all for the queries that must find nothing, through the search page and
through the API (/api/v2/pages/?search=), on the database the suite runs on."""

from django.test import TestCase

from home.models import HomePage
from search import testset

MIN_RECALL = 0.98


class SearchTestSetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.pages = testset.build_notices(testset.build_sections(home))
        cls.keys = {page.pk: key for key, page in cls.pages.items()}
        cls.data = testset.load()

    def found_on_search_page(self, query):
        response = self.client.get("/search/", {"query": query})
        self.assertEqual(response.status_code, 200)
        return [self.keys.get(card.page.pk) for card in response.context["cards"]]

    def found_through_api(self, query):
        response = self.client.get("/api/v2/pages/", {"search": query, "limit": 10})
        self.assertEqual(response.status_code, 200, response.content[:300])
        return [self.keys.get(item["id"]) for item in response.json()["items"]]

    def assert_recall(self, find):
        recalls, misses, false_hits = [], [], []
        for query in self.data["queries"]:
            found = find(query["query"])
            if not query["relevant"]:
                if found:
                    false_hits.append((query["query"], found))
                continue
            recall = testset.recall_at(found, query["relevant"])
            recalls.append(recall)
            if recall < 1:
                misses.append((query["query"], recall, found))
        mean = sum(recalls) / len(recalls)
        self.assertGreaterEqual(mean, MIN_RECALL, (mean, misses))
        self.assertEqual(false_hits, [])

    def test_the_test_set_is_big_enough(self):
        self.assertGreaterEqual(len(self.data["notices"]), 60)
        with_relevant = [q for q in self.data["queries"] if q["relevant"]]
        self.assertGreaterEqual(len(with_relevant), 50)
        self.assertTrue(any(not q["relevant"] for q in self.data["queries"]))

    def test_recall_through_the_search_page(self):
        self.assert_recall(self.found_on_search_page)

    def test_recall_through_the_api(self):
        self.assert_recall(self.found_through_api)
