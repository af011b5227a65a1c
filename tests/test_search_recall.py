"""The Thai search test set (search/data/thai_search_testset.json): Recall@10 of at least 0.99
and no result at all for the queries that must find nothing, and at least 0.95 for the
misspelled queries (corrected against the index's vocabulary), through the search page and
through the API (/api/v2/pages/?search=), on the database the suite runs on."""

from django.test import TestCase

from home.models import HomePage
from search import testset

MIN_RECALL = 0.99
MIN_RECALL_MISSPELLED = 0.95


class SearchTestSetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get(locale__language_code="th")
        cls.pages = testset.build_notices(testset.build_sections(home))
        cls.keys = {page.pk: key for key, page in cls.pages.items()}
        cls.data = testset.load()

    def found_on_search_page(self, query):
        response = self.client.get("/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return [self.keys.get(card.pk) for card in response.context["cards"]]

    def found_through_api(self, query):
        response = self.client.get("/api/v2/pages/", {"search": query, "limit": 10})
        self.assertEqual(response.status_code, 200, response.content[:300])
        return [self.keys.get(item["id"]) for item in response.json()["items"]]

    def assert_recall(self, find, queries=None, minimum=MIN_RECALL):
        recalls, misses, false_hits = [], [], []
        for query in self.data["queries"] if queries is None else queries:
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
        self.assertGreaterEqual(mean, minimum, (mean, misses))
        self.assertEqual(false_hits, [])

    def test_the_test_set_is_big_enough(self):
        self.assertGreaterEqual(len(self.data["notices"]), 60)
        with_relevant = [q for q in self.data["queries"] if q["relevant"]]
        self.assertGreaterEqual(len(with_relevant), 50)
        self.assertTrue(any(not q["relevant"] for q in self.data["queries"]))

    def test_the_misspelled_set_is_big_enough(self):
        self.assertGreaterEqual(len(self.data["misspelled"]), 40)
        self.assertTrue(all(query["relevant"] for query in self.data["misspelled"]))

    def test_every_kind_of_typing_error_is_in_the_misspelled_set(self):
        # The kinds issue 20 lists, each with several of a citizen's own typings.
        kinds = {query["kind"] for query in self.data["misspelled"]}
        for kind in (
            "look-alike or sound-alike consonant",
            "vowel mark or ะ",
            "final consonant or การันต์",
            "tone mark",
            "letter left out",
            "letter typed twice or a neighbouring key",
            "words cut or run together",
        ):
            self.assertIn(kind, kinds)
            typings = [q for q in self.data["misspelled"] if q["kind"] == kind]
            self.assertGreaterEqual(len(typings), 4, kind)

    def test_misspelled_queries_through_the_search_page(self):
        self.assert_recall(
            self.found_on_search_page, self.data["misspelled"], MIN_RECALL_MISSPELLED
        )

    def test_misspelled_queries_through_the_api(self):
        self.assert_recall(self.found_through_api, self.data["misspelled"], MIN_RECALL_MISSPELLED)

    def test_recall_through_the_search_page(self):
        self.assert_recall(self.found_on_search_page)

    def test_recall_through_the_api(self):
        self.assert_recall(self.found_through_api)
