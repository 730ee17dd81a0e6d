const fd = new FormData();
fd.append("intent", "upload");
fd.append("file", new File([], ""));
fd.append("f2", new File(["x"], 'Invoice; March "x".pdf'));
const r = new Request("http://x/", { method: "POST", body: fd });
console.log(r.headers.get("content-type"));
console.log(JSON.stringify(await r.text()));
