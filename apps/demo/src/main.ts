// The demo's experiments arrive with issue "apps/demo"; until then it says so.
console.log("descent demo: the experiments are not built yet (see the open demo issue).");
