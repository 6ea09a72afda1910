"""Scripts the browser tests run in the page to see what chromium drew, as a person sees it."""

# Screen boxes of the labels and circles of the layer on show, as chromium draws them.
DRAWN_MARKERS = """() => {
    const layer = document.querySelector("figure.map .layer:not(.off)");
    const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    return {
        scale: Number(layer.dataset.scale),
        viewBox: document.querySelector("figure.map svg").getAttribute("viewBox"),
        labels: [...layer.querySelectorAll("text.label")].map((t) => [t.textContent, ...box(t)]),
        circles: [...layer.querySelectorAll("a.marker")].map((a) => [
            a.dataset.marker, a.querySelector("circle").getBoundingClientRect().width / 2,
        ]),
    };
}"""
# Multi-place clusters whose centre a click reaches (no other marker drawn over it).
CLICKABLE_CLUSTERS = """() => {
    const layer = document.querySelector("figure.map .layer:not(.off)");
    return [...layer.querySelectorAll("a.marker")].filter((a) => Number(a.dataset.places) > 1).map((a) => {
        const r = a.querySelector("circle").getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        const hit = document.elementFromPoint(x, y);
        return [a.dataset.marker, a.getAttribute("href"), Number(a.dataset.events), x, y, a.contains(hit)];
    }).filter((found) => found[5]);
}"""


OUTLINED_COUNTRIES = """() => [...document.querySelectorAll("figure.map path.country[data-country]")]
    .map((path) => path.dataset.country)"""
# The middle of an SVG line on screen, where a click on a tie lands.
LINE_MIDDLE = """(selector) => {
    const line = document.querySelector(selector);
    const matrix = line.getScreenCTM();
    const at = (x, y) => new DOMPoint(x, y).matrixTransform(matrix);
    const a = at(line.x1.baseVal.value, line.y1.baseVal.value);
    const b = at(line.x2.baseVal.value, line.y2.baseVal.value);
    return [(a.x + b.x) / 2, (a.y + b.y) / 2];
}"""
# Screen boxes of the network's labels and nodes in the drawing on show (wide or narrow).
NETWORK_BOXES = """() => {
    const drawings = [...document.querySelectorAll("figure.network svg")];
    const svg = drawings.find((drawing) => drawing.getBoundingClientRect().width > 0);
    const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    return {
        labels: [...svg.querySelectorAll("a.node text")].map((t) => [t.textContent, ...box(t)]),
        nodes: [...svg.querySelectorAll("a.node circle")].map(
            (circle) => [circle.parentElement.dataset.country, ...box(circle)],
        ),
    };
}"""
