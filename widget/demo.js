/* Demo page: a page button that opens the chat through the widget's one global. */
document.getElementById('open-chat').addEventListener('click', function () {
  if (window.MedTranslateWidget) window.MedTranslateWidget.open();
});
