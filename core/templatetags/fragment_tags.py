"""``{% fragment "name" variant… %}…{% endfragment %}``: a part of the page frame rendered once
per content version, host, language and variant, and then read from the cache
(``pagecache.fragments``). Only for what does not depend on the visitor: never around a form
with a CSRF token or anything that reads the session or the signed-in user."""

from django import template
from django.utils.safestring import mark_safe

from pagecache.fragments import remember

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, variant):
        self.nodelist = nodelist
        self.name = name
        self.variant = variant

    def render(self, context):
        variant = [value.resolve(context) for value in self.variant]
        return mark_safe(
            remember(
                context.get("request"),
                self.name.resolve(context),
                lambda: self.nodelist.render(context),
                *variant,
            )
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
