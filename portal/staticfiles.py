"""Static files in production: WhiteNoise's compressed, hashed copies, with each address worked
out once per process. Every page asks for about ten (``{% static %}``: the stylesheet, the
scripts, the icons), and Django's manifest storage parses the name and joins the address anew
each time; the manifest is read when the process starts and does not change while it runs."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
