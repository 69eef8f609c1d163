// Module settings of the bare ImGui example's page (linked with --pre-js), as the web
// app's src/web/pre.js sets them: the canvas to draw on, messages to the console.
Module['canvas'] = document.getElementById('canvas');
Module['print'] = (text) => console.log(text);
Module['printErr'] = (text) => console.error(text);
