// The Buddhist Era in the admin's date fields, where Wagtail stores and types the Common Era in
// WAGTAIL_DATE_FORMAT (dd/mm/yyyy) or WAGTAIL_DATETIME_FORMAT:
// - beside each field (core/templates/wagtailadmin/widgets/: core comes before wagtail.admin),
//   kept in step while the editor types or picks a date;
// - in the picker's calendar on the Thai admin: its heading and year list read 2569 for 2026.
//   Not the picker's own `yearOffset` option: that also writes the offset year into the field
//   (and reads it back), so the form would receive 2569 as a Gregorian year.
(() => {
  const MONTHS = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
  ];
  const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;

  const show = (output, input) => {
    const match = DATE.exec(input.value.trim());
    const month = match && MONTHS[Number(match[2]) - 1];
    if (!month) {
      output.textContent = "";
      return;
    }
    const time = match[4] ? ` เวลา ${match[4].padStart(2, "0")}.${match[5]} น.` : "";
    output.textContent = `พ.ศ.: ${Number(match[1])} ${month} ${Number(match[3]) + 543}${time}`;
  };

  const connect = () => {
    document.querySelectorAll("output[data-be-date]:not([data-connected])").forEach((output) => {
      const input = document.getElementById(output.getAttribute("for"));
      if (!input) return;
      output.dataset.connected = "";
      const update = () => show(output, input);
      ["input", "change", "blur"].forEach((name) => input.addEventListener(name, update));
      // The picker sets the value through jQuery, whose "change" native listeners miss.
      if (window.jQuery) window.jQuery(input).on("change", update);
      update();
    });
  };

  // The calendar (xdsoft datetimepicker, Wagtail's vendor/jquery.datetimepicker.js) draws a
  // month, then triggers "generate.xdsoft" on its box (on every opening, month or year change).
  // Only the text shown changes: the days and years the picker sets (data-year, data-value)
  // stay Gregorian. Listed in docs/upgrading.md.
  const BUDDHIST_ERA = 543;
  const showBuddhistEra = (picker) => {
    const heading = picker.querySelector(".xdsoft_label.xdsoft_year > span");
    if (heading && Number(heading.textContent)) {
      heading.textContent = String(Number(heading.textContent) + BUDDHIST_ERA);
    }
    picker.querySelectorAll(".xdsoft_yearselect .xdsoft_option[data-value]").forEach((option) => {
      option.textContent = String(Number(option.dataset.value) + BUDDHIST_ERA);
    });
  };
  if (document.documentElement.lang === "th" && window.jQuery) {
    window.jQuery(document).on("generate.xdsoft", ".xdsoft_datetimepicker", (event) => {
      showBuddhistEra(event.currentTarget);
    });
  }

  connect();
  // Date fields added later: StreamField blocks, inline rows, dialogs.
  new MutationObserver(connect).observe(document.documentElement, { childList: true, subtree: true });
})();
