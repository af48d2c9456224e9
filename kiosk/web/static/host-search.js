/* Type-ahead for the host field of /visit. Without this file the "Search" button does the same round trip. */
(function () {
  "use strict";
  var input = document.getElementById("f-host_q");
  var box = document.getElementById("host-choices");
  if (!input || !box || !window.fetch) { return; }
  var legend = box.querySelector("legend");
  var timer = null;
  var asked = "";

  function show(choices) {
    var chosen = box.querySelector("input[name=host_ref]:checked");
    var keep = chosen ? chosen.value : "";
    Array.prototype.slice.call(box.querySelectorAll("label.choice, p.none")).forEach(function (node) {
      box.removeChild(node);
    });
    if (legend) { legend.className = choices.length ? "" : "hidden"; }
    if (!choices.length) {
      var none = document.createElement("p");
      none.className = "hint none";
      none.textContent = input.getAttribute("data-none") || "";
      box.appendChild(none);
      return;
    }
    choices.forEach(function (choice) {
      var label = document.createElement("label");
      label.className = "choice";
      var radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "host_ref";
      radio.value = choice.ref;
      radio.checked = choice.ref === keep || choices.length === 1;
      var who = document.createElement("span");
      who.className = "who";
      who.textContent = choice.name;
      var dept = document.createElement("span");
      dept.className = "dept";
      dept.textContent = choice.department;
      label.appendChild(radio);
      label.appendChild(who);
      label.appendChild(document.createTextNode(" "));
      label.appendChild(dept);
      [["choice_ref", choice.ref], ["choice_name", choice.name], ["choice_dept", choice.department]].forEach(
        function (pair) {
          var hidden = document.createElement("input");
          hidden.type = "hidden";
          hidden.name = pair[0];
          hidden.value = pair[1];
          label.appendChild(hidden);
        });
      box.appendChild(label);
    });
  }

  function search() {
    var text = input.value.trim();
    if (text.length < 2 || text === asked) { return; }
    asked = text;
    var url = input.getAttribute("data-hosts-url") + "?q=" + encodeURIComponent(text);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && asked === text) { show(data.hosts || []); } })
      .catch(function () { asked = ""; });
  }

  input.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(search, 300);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); asked = ""; search(); }
  });
})();
