// Character count for a text box with data-maxlength, in the NHS design system's
// words: patients see how much room is left while they type. The pages work without
// it: the hint above the box states the limit, and the server refuses a longer text
// with the count in its error. Counts code points, as the server counts runes.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("textarea[data-maxlength]");
  Array.prototype.forEach.call(boxes, function (box) {
    var max = parseInt(box.getAttribute("data-maxlength"), 10);
    var message = document.getElementById(box.id + "-count");
    if (!message || !(max > 0)) {
      return;
    }
    var show = function () {
      var left = max - Array.from(box.value).length;
      message.textContent = left >= 0
        ? "You have " + left.toLocaleString("en-GB") + (left === 1 ? " character" : " characters") + " remaining"
        : "You have " + (-left).toLocaleString("en-GB") + (left === -1 ? " character" : " characters") + " too many";
      message.className = left >= 0 ? "nhsuk-hint" : "nhsuk-error-message";
      message.hidden = false;
    };
    box.addEventListener("input", show);
    show();
  });
})();
