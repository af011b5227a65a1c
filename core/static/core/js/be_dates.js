// The Buddhist Era beside each date field of the admin (core/templates/wagtailadmin/widgets/: core comes before wagtail.admin),
// kept in step while the editor types or picks a date. Wagtail stores, and its picker shows,
// the Common Era in WAGTAIL_DATE_FORMAT (dd/mm/yyyy) or WAGTAIL_DATETIME_FORMAT.
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

  connect();
  // Date fields added later: StreamField blocks, inline rows, dialogs.
  new MutationObserver(connect).observe(document.documentElement, { childList: true, subtree: true });
})();
