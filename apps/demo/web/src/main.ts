import "./styles.css";
import type { PlaygroundDebug } from "./debug";
import type { TabId } from "./state/playground-state";
import { TAB_IDS } from "./state/playground-state";
import { decodeState, encodeState } from "./state/url-state";
import { createPathsTab } from "./tabs/paths-tab";
import { createSchedulesTab } from "./tabs/schedules-tab";
import { createTrainingTab } from "./tabs/training-tab";
import { h } from "./ui/dom";

const TAB_TITLES: Record<TabId, string> = { paths: "Optimizer paths", schedules: "Learning-rate schedules", training: "Train the digits MLP" };

function mount(root: HTMLElement): void {
  const state = decodeState(location.hash);
  const debug: PlaygroundDebug = {
    state,
    running: false,
    paths: [],
    schedules: { curves: {} },
    training: { status: "idle", message: "", history: {} },
  };
  window.__playground = debug;

  let written = "";
  const save = (): void => {
    written = `#${encodeState(state)}`;
    // replaceState: editing a field should not add a history entry per keystroke.
    history.replaceState(null, "", written);
  };

  const panels: Record<TabId, HTMLElement> = {
    paths: createPathsTab(state.paths, save, debug),
    schedules: createSchedulesTab(state.schedules, save, debug.schedules),
    training: createTrainingTab(state.training, save, debug.training),
  };
  const buttons = TAB_IDS.map((id) => {
    const button = h("button", { type: "button", role: "tab", id: `tab-${id}`, className: "tab" }, TAB_TITLES[id]);
    button.addEventListener("click", () => {
      select(id);
      save();
    });
    return button;
  });
  function select(id: TabId): void {
    state.tab = id;
    TAB_IDS.forEach((tab, i) => {
      panels[tab].hidden = tab !== id;
      buttons[i].setAttribute("aria-selected", String(tab === id));
    });
  }

  const share = h("button", { type: "button", id: "share", className: "link" }, "Copy link");
  share.addEventListener("click", () => {
    save();
    navigator.clipboard.writeText(location.href).then(
      () => { share.textContent = "Link copied"; },
      () => { share.textContent = "Copy the address bar"; },
    );
  });

  root.replaceChildren(
    h(
      "header",
      {},
      h("h1", {}, "descent playground"),
      h("nav", { role: "tablist" }, ...buttons),
      share,
    ),
    ...TAB_IDS.map((id) => panels[id]),
  );
  select(state.tab);
  save();

  // A link pasted into the address bar changes only the fragment: rebuild from it.
  window.addEventListener("hashchange", () => {
    if (location.hash !== written) location.reload();
  });
}

mount(document.getElementById("app")!);
