"""Blocks of the about section: numbered statements (V2–V4)."""

from wagtail import blocks


class StatementBlock(blocks.TextBlock):
    """One item of a numbered list: a strategy, a mission or a development goal."""

    class Meta:
        icon = "list-ol"
        label = "ข้อ (Item)"
        template = "about/blocks/statement_block.html"
        description = "One numbered item, e.g. a development strategy or a mission"
        preview_value = "ด้านการสาธารณสุขและสิ่งแวดล้อม"
