"""Factories for the tests' data: pages in the tree, units, people in role groups, images and
documents, site settings and translations, with Thai defaults.

Tests build what they assert on here, never with the demo loaders (``*/demo.py``), so that
editing the demo's text cannot break a test. Models that may move between apps (``Unit``) are
imported in this package only (``site.py``): tests take ``Unit`` from here.

Pages: ``NewsPageFactory(parent=index, title="...")`` adds the page under ``parent`` and
publishes it through a revision (``save_revision().publish()``), as an editor does; with
``live=False`` it is a draft with one unpublished revision. Index pages default to the Thai
home page as parent and to the slug the site uses (``/news/``), found again if they exist, so
``NewsPageFactory()`` alone builds ``/news/<slug>/``.
"""

from tests.factories.media import (
    DocumentFactory,
    ImageFactory,
)
from tests.factories.pages import (
    AnnouncementIndexPageFactory,
    AnnouncementPageFactory,
    BasicInformationPageFactory,
    CaseStatisticsPageFactory,
    ChannelsPageFactory,
    ComplaintPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    HistoryPageFactory,
    InformationPageFactory,
    ITAPageFactory,
    MapPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PersonDirectoryPageFactory,
    PhoneDirectoryPageFactory,
    PolicyIndexPageFactory,
    PolicyPageFactory,
    ProcurementIndexPageFactory,
    ProcurementNoticePageFactory,
    ProcurementSummaryIndexPageFactory,
    ProcurementSummaryPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    QuestionIndexPageFactory,
    SchoolIndexPageFactory,
    SchoolPageFactory,
    SiteMapPageFactory,
    VisionPageFactory,
    figure,
    paragraph,
)
from tests.factories.people import (
    PASSWORD,
    UserFactory,
    role_group,
)
from tests.factories.site import (
    HOME_TITLE_EN,
    Unit,
    UnitFactory,
    english_home,
    home_page,
    hotline,
    site_settings,
    translate,
    translated_home,
    unit,
)

__all__ = [
    "HOME_TITLE_EN",
    "PASSWORD",
    "AnnouncementIndexPageFactory",
    "AnnouncementPageFactory",
    "BasicInformationPageFactory",
    "CaseStatisticsPageFactory",
    "ChannelsPageFactory",
    "ComplaintPageFactory",
    "DepartmentIndexPageFactory",
    "DepartmentPageFactory",
    "DocumentFactory",
    "HistoryPageFactory",
    "ITAPageFactory",
    "ImageFactory",
    "InformationPageFactory",
    "MapPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "PersonDirectoryPageFactory",
    "PhoneDirectoryPageFactory",
    "PolicyIndexPageFactory",
    "PolicyPageFactory",
    "ProcurementIndexPageFactory",
    "ProcurementNoticePageFactory",
    "ProcurementSummaryIndexPageFactory",
    "ProcurementSummaryPageFactory",
    "PublicationIndexPageFactory",
    "PublicationPageFactory",
    "QuestionIndexPageFactory",
    "SchoolIndexPageFactory",
    "SchoolPageFactory",
    "SiteMapPageFactory",
    "Unit",
    "UnitFactory",
    "UserFactory",
    "VisionPageFactory",
    "english_home",
    "figure",
    "home_page",
    "hotline",
    "paragraph",
    "role_group",
    "site_settings",
    "translate",
    "translated_home",
    "unit",
]
