"""The portal's one block library: every StreamField draws its blocks from here."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


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


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "ข้อความ (Text)"
        template = "blocks/paragraph_block.html"
        description = "Paragraphs with headings, lists and links"
        preview_value = "<p>เทศบาลนครนครสวรรค์ประกาศให้ประชาชนทราบโดยทั่วกัน</p>"


class FigureBlock(blocks.StructBlock):
    """An image with its alt text (required unless decorative) and an optional caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(label="คำบรรยายภาพ (Caption)", required=False)

    class Meta:
        icon = "image"
        label = "ภาพ (Image)"
        template = "blocks/figure_block.html"
        description = "An image with alt text and caption"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="เอกสาร (Document)")
    title = blocks.CharBlock(
        label="ชื่อที่แสดง (Title shown)",
        required=False,
        help_text="ถ้าว่างจะใช้ชื่อเอกสาร (Leave empty to use the document's title)",
    )

    class Meta:
        icon = "doc-full"
        label = "เอกสารแนบ (Attachment)"
        template = "blocks/document_block.html"
        description = "A downloadable document, shown with its type and size"


class FiscalYearDocumentsBlock(blocks.StructBlock):
    """Documents of one Thai fiscal year (1 Oct – 30 Sep, Buddhist Era label)."""

    fiscal_year = blocks.IntegerBlock(
        label="ปีงบประมาณ พ.ศ. (Fiscal year, B.E.)", min_value=2500, max_value=2700
    )
    documents = blocks.ListBlock(DocumentBlock(), label="เอกสาร (Documents)")

    class Meta:
        icon = "folder-open-inverse"
        label = "เอกสารประจำปีงบประมาณ (Documents of a fiscal year)"
        template = "blocks/fiscal_year_documents_block.html"
        description = "A fiscal year's documents, e.g. the budget ordinance of 2568"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        label = "ตาราง (Table)"
        template = "blocks/table_block.html"
        description = "A table whose first row holds the column headings"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="ข้อความ (Text)")
    source = blocks.CharBlock(label="ที่มา (Source)", required=False)

    class Meta:
        icon = "openquote"
        label = "ข้อความอ้างอิง (Quote)"
        template = "blocks/quote_block.html"
        description = "A highlighted statement, e.g. the vision"
        preview_value = {"text": "คนสุขภาพดี การศึกษาได้มาตรฐาน", "source": "วิสัยทัศน์"}


class BodyBlock(blocks.StreamBlock):
    """The free-form body of every page."""

    paragraph = ParagraphBlock()
    figure = FigureBlock()
    document = DocumentBlock()
    table = TableBlock()
    quote = QuoteBlock()

    class Meta:
        label = "เนื้อหา (Body)"


# The blocks of a body that hold text. A search result's snippet reads only these, so that it
# loads none of the images and documents of the others (a query each).
TEXT_BLOCKS = ("paragraph", "quote", "table")


def body_text(value):
    """The words of a ``BodyBlock`` value's text blocks, in their order and without markup, as
    each block gives them to the search index (``get_searchable_content``)."""
    words = []
    for index, child in enumerate(value.raw_data):
        if child["type"] in TEXT_BLOCKS:
            bound = value[index]
            words.extend(bound.block.get_searchable_content(bound.value))
    return " ".join(" ".join(words).split())
