// The test passes the question to embed as ?q=<id>.
const q = new URLSearchParams(location.search).get('q');
if (q) document.getElementById('two').setAttribute('data-canary', `question/${q}`);
