// Canned replies per department and the departments a conversation can be transferred to, both from the server
// (GET /api/canned-replies?department=, GET /api/departments), fetched once per department and cached.
(function () {
  "use strict";
  const cache = new Map();
  let departments = null;

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  window.Canned = {
    async departments() {
      if (!departments) departments = getJson("/api/departments").catch(() => { departments = null; return []; });
      return departments;
    },
    async for(department) {
      const key = department || "";
      if (!cache.has(key)) {
        cache.set(key, getJson("/api/canned-replies?department=" + encodeURIComponent(key))
          .then((replies) => replies.map((r) => r.text))
          .catch(() => { cache.delete(key); return []; }));
      }
      return cache.get(key);
    },
  };
})();
