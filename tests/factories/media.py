"""Images and documents, as an editor uploads them."""

import io

import factory
import wagtail_factories
from PIL import Image as PILImage
from wagtail.models import Collection


def root_collection():
    return Collection.get_first_root_node()


def pdf_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 170), "#ffffff").save(buffer, "PDF")
    return buffer.getvalue()


class ImageFactory(wagtail_factories.ImageFactory):
    """A plain picture (``file__width``, ``file__height`` to size it) in the root collection."""

    title = factory.Sequence(lambda n: f"ภาพประกอบที่ {n}")
    description = factory.LazyAttribute(lambda image: image.title)
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(width=320, height=200, color="#0b4f6c")


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A one-page PDF, with its size recorded as an upload records it."""

    class Meta:
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"เอกสารแนบที่ {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"document-{n}.pdf"),
        data=factory.LazyFunction(pdf_bytes),
    )

    @factory.post_generation
    def recorded_size(document, create, extracted, **kwargs):
        if create:
            document.file_size = document.file.size
            document.save(update_fields=["file_size"])
