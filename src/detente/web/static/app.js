// detente dashboard: the only script the pages load (the CSP forbids inline scripts).
// Filter forms submit as soon as a select changes; blank fields, and fields left at their
// default, are left out of the URL.
// The map zooms and pans by changing its viewBox; markers keep their size on screen.
"use strict";

function submitWithoutBlanks(form) {
  const params = new URLSearchParams();
  const defaults = {};
  for (const field of form.querySelectorAll("[data-default]")) defaults[field.name] = field.dataset.default;
  for (const [key, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text !== "" && text !== defaults[key]) params.append(key, text);
  }
  const query = params.toString();
  window.location.assign(form.getAttribute("action") + (query ? "?" + query : ""));
}

function setUpForms() {
  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitWithoutBlanks(form);
    });
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => submitWithoutBlanks(form));
    }
  }
}

function bringEvidenceIntoView() {
  // Long articles: bring each source's evidence into view inside its scroll box.
  for (const box of document.querySelectorAll(".article-text")) {
    const mark = box.querySelector("mark");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
  }
}

// ---------------------------------------------------------------- the map

const MIN_VIEW_WIDTH = 2; // world units (three quarters of a degree): the closest zoom
const DRAG_THRESHOLD = 4; // pixels a pointer moves before a press becomes a drag

function parseBox(text) {
  const [x, y, width, height] = text.split(/\s+/).map(Number);
  return { x, y, width, height };
}

class ZoomableMap {
  constructor(figure) {
    this.figure = figure;
    this.svg = figure.querySelector("svg");
    this.world = parseBox(this.svg.dataset.world);
    this.home = parseBox(this.svg.dataset.view);
    this.layers = [...this.svg.querySelectorAll(".layer")].sort(
      (a, b) => Number(a.dataset.scale) - Number(b.dataset.scale),
    );
    this.scaled = [...this.svg.querySelectorAll(".scaled")];
    this.pointers = new Map();
    this.view = this.fitToElement(this.home);
    this.pending = false;
    this.apply();
    this.listen();
  }

  // The box widened (or heightened) to the element's shape, so nothing is letterboxed.
  fitToElement(box) {
    const rect = this.svg.getBoundingClientRect();
    if (!rect.width || !rect.height) return { ...box };
    const aspect = rect.width / rect.height;
    let { x, y, width, height } = box;
    if (width / height < aspect) {
      const wider = height * aspect;
      x -= (wider - width) / 2;
      width = wider;
    } else {
      const taller = width / aspect;
      y -= (taller - height) / 2;
      height = taller;
    }
    return this.clamp({ x, y, width, height });
  }

  clamp(box) {
    const rect = this.svg.getBoundingClientRect();
    const aspect = rect.width && rect.height ? rect.width / rect.height : box.width / box.height;
    let width = Math.min(Math.max(box.width, MIN_VIEW_WIDTH), this.world.width * 1.6);
    let height = width / aspect;
    const cx = Math.min(Math.max(box.x + box.width / 2, this.world.x), this.world.x + this.world.width);
    const cy = Math.min(Math.max(box.y + box.height / 2, this.world.y), this.world.y + this.world.height);
    return { x: cx - width / 2, y: cy - height / 2, width, height };
  }

  pixelsPerUnit() {
    const rect = this.svg.getBoundingClientRect();
    return rect.width ? rect.width / this.view.width : 1;
  }

  apply() {
    const v = this.view;
    this.svg.setAttribute("viewBox", `${v.x} ${v.y} ${v.width} ${v.height}`);
    const scale = this.pixelsPerUnit();
    // The layer clustered for the largest scale not above the current one: its circles are
    // at least as far apart on screen as when it was laid out.
    let shown = this.layers[0];
    for (const layer of this.layers) {
      if (Number(layer.dataset.scale) <= scale * 1.0001) shown = layer;
    }
    for (const layer of this.layers) layer.classList.toggle("off", layer !== shown);
    for (const group of this.scaled) {
      if (group.classList.contains("off")) continue;
      const factor = Number(group.dataset.scale) / scale;
      const transform = `scale(${factor.toFixed(5)})`;
      for (const glyph of group.querySelectorAll(".glyph")) glyph.setAttribute("transform", transform);
    }
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    window.requestAnimationFrame(() => {
      this.pending = false;
      this.apply();
    });
  }

  // A point on screen in world units.
  toWorld(clientX, clientY) {
    const rect = this.svg.getBoundingClientRect();
    return {
      x: this.view.x + ((clientX - rect.left) / rect.width) * this.view.width,
      y: this.view.y + ((clientY - rect.top) / rect.height) * this.view.height,
    };
  }

  zoomAt(factor, clientX, clientY) {
    const rect = this.svg.getBoundingClientRect();
    const cx = clientX ?? rect.left + rect.width / 2;
    const cy = clientY ?? rect.top + rect.height / 2;
    const anchor = this.toWorld(cx, cy);
    const width = Math.min(Math.max(this.view.width / factor, MIN_VIEW_WIDTH), this.world.width * 1.6);
    const ratio = width / this.view.width;
    this.view = this.clamp({
      x: anchor.x - (anchor.x - this.view.x) * ratio,
      y: anchor.y - (anchor.y - this.view.y) * ratio,
      width,
      height: this.view.height * ratio,
    });
    this.schedule();
  }

  panBy(dxPixels, dyPixels) {
    const scale = this.pixelsPerUnit();
    this.view = this.clamp({
      ...this.view,
      x: this.view.x - dxPixels / scale,
      y: this.view.y - dyPixels / scale,
    });
    this.schedule();
  }

  listen() {
    this.svg.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        this.zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
      },
      { passive: false },
    );
    this.svg.addEventListener("dblclick", (event) => {
      event.preventDefault();
      this.zoomAt(2, event.clientX, event.clientY);
    });
    this.svg.addEventListener("pointerdown", (event) => this.press(event));
    this.svg.addEventListener("pointermove", (event) => this.move(event));
    for (const type of ["pointerup", "pointercancel", "pointerleave"]) {
      this.svg.addEventListener(type, (event) => this.release(event));
    }
    // a drag that ends on a marker or a country must not follow its link
    this.svg.addEventListener(
      "click",
      (event) => {
        if (this.dragged) {
          event.preventDefault();
          event.stopPropagation();
          this.dragged = false;
        }
      },
      true,
    );
    for (const button of this.figure.querySelectorAll("[data-zoom]")) {
      button.addEventListener("click", () => {
        const action = button.dataset.zoom;
        if (action === "in") this.zoomAt(2);
        else if (action === "out") this.zoomAt(0.5);
        else {
          this.view = this.fitToElement(this.home);
          this.schedule();
        }
      });
    }
    window.addEventListener("resize", () => {
      this.view = this.fitToElement(this.view);
      this.schedule();
    });
  }

  press(event) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 1) {
      this.start = { x: event.clientX, y: event.clientY };
      this.dragged = false;
    }
  }

  move(event) {
    const last = this.pointers.get(event.pointerId);
    if (!last) return;
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const before = Math.hypot(a.x - b.x, a.y - b.y);
      this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const [c, d] = [...this.pointers.values()];
      const after = Math.hypot(c.x - d.x, c.y - d.y);
      if (before > 0 && after > 0) this.zoomAt(after / before, (c.x + d.x) / 2, (c.y + d.y) / 2);
      this.dragged = true;
      return;
    }
    const moved = Math.hypot(event.clientX - this.start.x, event.clientY - this.start.y);
    if (!this.dragged && moved < DRAG_THRESHOLD) return;
    if (!this.dragged) {
      this.dragged = true;
      this.svg.setPointerCapture(event.pointerId);
      this.svg.classList.add("dragging");
    }
    this.panBy(event.clientX - last.x, event.clientY - last.y);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  }

  release(event) {
    if (!this.pointers.delete(event.pointerId)) return;
    if (this.svg.hasPointerCapture(event.pointerId)) this.svg.releasePointerCapture(event.pointerId);
    if (this.pointers.size === 0) this.svg.classList.remove("dragging");
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setUpForms();
  bringEvidenceIntoView();
  for (const figure of document.querySelectorAll("figure[data-map]")) {
    figure.detenteMap = new ZoomableMap(figure);
  }
});
