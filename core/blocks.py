"""The portal's one block library: every StreamField draws its blocks from here."""

from wagtail import blocks


class HotlineBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="ชื่อสายด่วน (Name)", max_length=100)
    label_en = blocks.CharBlock(label="Name in English", max_length=100, required=False)
    number = blocks.CharBlock(label="หมายเลข (Number)", max_length=30)

    class Meta:
        icon = "mobile-alt"
        label = "สายด่วน (Hotline)"
        template = "blocks/hotline_block.html"
        description = (
            "A complaint or emergency hotline shown in the footer and on the channels page"
        )
        preview_value = {"label": "ศูนย์รับเรื่องร้องเรียน", "label_en": "Complaints", "number": "1132"}
