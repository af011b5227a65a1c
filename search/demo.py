"""Demo content for search: editors' picks (Wagtail search promotions) for common needs.

A citizen who searches ``ร้องเรียน`` sees the complaint channels page first, whatever the
notices say. Idempotent: a pick is found again by its query and page.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

# (query, slug of the page under the Thai home page, description shown under the link)
PROMOTIONS = [
    ("ร้องเรียน", "complaint-channels", "สายด่วน Facebook และแอปพลิเคชันสำหรับแจ้งเรื่องร้องเรียน"),
    ("ร้องทุกข์", "complaint-channels", "สายด่วน Facebook และแอปพลิเคชันสำหรับแจ้งเรื่องร้องทุกข์"),
    ("เบอร์โทร", "phone-directory", "เบอร์โทรศัพท์ภายในของทุกหน่วยงาน"),
    ("จัดซื้อจัดจ้าง", "announcements", "ประกาศจัดซื้อจัดจ้างและประกาศผู้ชนะการเสนอราคาทั้งหมด"),
    ("โรงเรียน", "schools", "ประกาศจัดซื้อจัดจ้างของโรงเรียนเทศบาลทั้ง ๘ โรง"),
]


def load(home):
    for position, (query_string, slug, description) in enumerate(PROMOTIONS):
        page = Page.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            continue
        query = Query.get(query_string)
        SearchPromotion.objects.get_or_create(
            query=query,
            page=page,
            defaults={"description": description, "sort_order": position},
        )
