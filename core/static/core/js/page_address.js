// The page address (slug) in the page editor, as the portal makes it (core/addresses.py):
// whole Thai words with their vowel and tone marks, which Wagtail's own slug script drops.
// The address is asked of the server (core.views.page_address), so the editor shows the
// address that saving keeps and that the importer would give the same title.
(() => {
  const { Controller } = window.StimulusModule;

  class PageAddressController extends Controller {
    static values = { url: String, parent: String, page: String };

    connect() {
      // A new page's address follows its title until the editor types one of their own.
      this.filled = this.pageValue ? null : this.element.value;
      this.asked = 0;
    }

    // Wagtail's title sync asks whether the address still follows the title.
    compare(event) {
      if (this.element.value && this.element.value !== this.filled) {
        event.preventDefault();
      }
    }

    fill(event) {
      this.ask(event.detail?.value || "");
    }

    // An address typed by hand is cleaned the same way when the field is left.
    clean() {
      if (this.element.value && this.element.value !== this.filled) {
        this.ask(this.element.value);
      }
    }

    async ask(text) {
      const number = ++this.asked;
      const query = new URLSearchParams({ title: text, parent: this.parentValue, page: this.pageValue });
      const response = await fetch(`${this.urlValue}?${query}`, { credentials: "same-origin" });
      if (!response.ok || number !== this.asked) return;
      const { slug } = await response.json();
      if (slug) {
        this.element.value = slug;
        this.filled = slug;
        this.element.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  }

  window.wagtail.app.register("page-address", PageAddressController);
})();
