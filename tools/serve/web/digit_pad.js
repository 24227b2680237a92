// The digit pad's script: drawing with pointer events, POST /api/classify
// with the canvas's grey levels (the server frames the digit as MNIST did),
// and the answers of every backend as SVG charts. No libraries.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const PEN_WIDTH = 20;  // canvas pixels: about 2 MNIST pixels once the digit is scaled to 20x20

const pad = document.getElementById('pad');
const context = pad.getContext('2d');
const statusLine = document.getElementById('status');
let drawing = false;
let inkDrawn = false;
let requestNumber = 0;

function setState(state, text) {
  document.body.dataset.state = state;
  statusLine.textContent = text;
}

function clearPad() {
  context.fillStyle = '#000';
  context.fillRect(0, 0, pad.width, pad.height);
  inkDrawn = false;
  const thumb = document.getElementById('thumbnail').getContext('2d');
  thumb.fillStyle = '#000';
  thumb.fillRect(0, 0, 28, 28);
  for (const column of document.querySelectorAll('.backend')) renderEmpty(column.dataset.id);
  setState('ready', 'draw a digit');
}

// Pointer position in canvas pixels (the canvas may be scaled by CSS).
function canvasPoint(event) {
  const rect = pad.getBoundingClientRect();
  return [(event.clientX - rect.left) * pad.width / rect.width, (event.clientY - rect.top) * pad.height / rect.height];
}

pad.addEventListener('pointerdown', (event) => {
  event.preventDefault();
  pad.setPointerCapture(event.pointerId);
  drawing = true;
  const [x, y] = canvasPoint(event);
  context.strokeStyle = '#fff';
  context.fillStyle = '#fff';
  context.lineWidth = PEN_WIDTH;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.beginPath();
  context.arc(x, y, PEN_WIDTH / 2, 0, 2 * Math.PI);  // a tap leaves a dot
  context.fill();
  context.beginPath();
  context.moveTo(x, y);
  inkDrawn = true;
});

pad.addEventListener('pointermove', (event) => {
  if (!drawing) return;
  const [x, y] = canvasPoint(event);
  context.lineTo(x, y);
  context.stroke();
  context.beginPath();
  context.moveTo(x, y);
});

function endStroke() {
  if (!drawing) return;
  drawing = false;
  classify();
}
pad.addEventListener('pointerup', endStroke);
pad.addEventListener('pointercancel', endStroke);
document.getElementById('clear').addEventListener('click', clearPad);

async function classify() {
  if (!inkDrawn) return;
  const rgba = context.getImageData(0, 0, pad.width, pad.height).data;
  const pixels = new Array(pad.width * pad.height);
  for (let i = 0; i < pixels.length; ++i) pixels[i] = rgba[4 * i];  // grey ink: the red channel
  const number = ++requestNumber;
  setState('classifying', 'classifying…');
  try {
    const response = await fetch('/api/classify', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({canvas: {width: pad.width, height: pad.height, pixels}}),
    });
    const reply = await response.json();
    if (number !== requestNumber) return;  // a newer stroke's answer is on its way
    if (!response.ok) throw new Error(reply.error || ('HTTP ' + response.status));
    renderReply(reply);
  } catch (error) {
    if (number === requestNumber) setState('error', 'error: ' + error.message);
  }
}

function renderReply(reply) {
  const thumb = document.getElementById('thumbnail').getContext('2d');
  const image = thumb.createImageData(28, 28);
  for (let i = 0; i < 784; ++i) {
    const grey = Math.round(255 * reply.image[i]);
    image.data.set([grey, grey, grey, 255], 4 * i);
  }
  thumb.putImageData(image, 0, 0);
  const f = reply.framing;
  if (f && f.has_ink) {
    document.getElementById('framing').textContent =
        `ink box ${f.box[2]}x${f.box[3]} px at (${f.box[0]}, ${f.box[1]}) -> ${f.scaled[0]}x${f.scaled[1]}, ` +
        `placed at (${f.offset[0]}, ${f.offset[1]}); centre of mass ` +
        `(${f.mass_centre[0].toFixed(1)}, ${f.mass_centre[1].toFixed(1)})`;
  }
  let failures = 0;
  for (const result of reply.results) {
    if (result.ok) {
      renderResult(result);
    } else {
      ++failures;
      renderFailure(result);
    }
  }
  const answers = reply.results.filter((r) => r.ok).map((r) => `${r.id}: ${r.digit}`).join(', ');
  setState(failures ? 'error' : 'done', failures ? `${failures} backend(s) failed` : answers);
}

function svgElement(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function element(name, attributes, text) {
  const e = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) e.setAttribute(key, value);
  if (text !== undefined) e.textContent = text;
  return e;
}

function formatCount(n) { return Number(n).toLocaleString('en-US'); }

// Ten probabilities as vertical bars, the predicted class darker.
function drawProbabilities(svg, probabilities, digit) {
  svg.replaceChildren();
  const width = 400, height = 140, plot = 100, barWidth = 28, step = 40;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  probabilities.forEach((p, k) => {
    const value = Number.isFinite(p) ? Math.min(Math.max(p, 0), 1) : 0;
    const x = 6 + k * step, h = Math.max(value * plot, 1);
    svg.appendChild(svgElement('rect', {x, y: 16 + plot - h, width: barWidth, height: h,
      class: k === digit ? 'bar top' : 'bar', 'data-class': k}));
    svg.appendChild(svgElement('text', {x: x + barWidth / 2, y: 12 + plot - h, 'text-anchor': 'middle'},
                               (100 * value).toFixed(value < 0.1 ? 1 : 0) + '%'));
    svg.appendChild(svgElement('text', {x: x + barWidth / 2, y: 16 + plot + 16, 'text-anchor': 'middle'}, String(k)));
  });
}

// One horizontal bar per layer: op name, bar, count.
function drawLayers(svg, layers, unit) {
  svg.replaceChildren();
  const row = 18, labelWidth = 150, barSpace = 170, width = 420;
  const height = Math.max(layers.length, 1) * row + 4;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('height', height);
  const largest = Math.max(1, ...layers.map((l) => l.count));
  layers.forEach((layer, i) => {
    const y = 2 + i * row;
    const w = Math.max(1, barSpace * layer.count / largest);
    svg.appendChild(svgElement('text', {x: 0, y: y + 12}, layer.op));
    svg.appendChild(svgElement('rect', {x: labelWidth, y: y + 2, width: w, height: row - 6, class: 'layer'}));
    svg.appendChild(svgElement('text', {x: labelWidth + w + 4, y: y + 12}, `${formatCount(layer.count)} ${unit}`));
  });
}

function column(id) { return document.querySelector(`.backend[data-id="${CSS.escape(id)}"]`); }

function renderEmpty(id) {
  const c = column(id);
  if (!c) return;
  c.querySelector('.digit').textContent = '–';
  c.querySelector('.timing').textContent = '';
  c.querySelector('.error').textContent = '';
  c.querySelector('svg.probabilities').replaceChildren();
  c.querySelector('svg.layers').replaceChildren();
}

function renderResult(result) {
  const c = column(result.id);
  if (!c) return;
  c.querySelector('.digit').textContent = String(result.digit);
  c.querySelector('.error').textContent = '';
  // A negative time: the backend's counter is no clock (QEMU counts instructions).
  const time = result.microseconds >= 0 ? `, ${result.microseconds.toFixed(1)} µs per inference` : '';
  c.querySelector('.timing').textContent = `total ${formatCount(result.total)} ${result.unit}${time}`;
  drawProbabilities(c.querySelector('svg.probabilities'), result.probabilities, result.digit);
  drawLayers(c.querySelector('svg.layers'), result.layers, result.unit);
}

function renderFailure(result) {
  const c = column(result.id);
  if (!c) return;
  renderEmpty(result.id);
  c.querySelector('.error').textContent = result.error;
}

// One column per backend (host, board), built from /api/info.
function buildColumns(info) {
  const container = document.getElementById('backends');
  container.replaceChildren();
  for (const backend of info.backends) {
    const c = element('section', {class: 'backend', 'data-id': backend.id, id: 'backend-' + backend.id});
    c.appendChild(element('h2', {}, backend.title));
    const answer = element('div', {class: 'answer'});
    answer.appendChild(element('div', {class: 'digit', id: 'digit-' + backend.id}, '–'));
    answer.appendChild(element('div', {class: 'timing'}));
    c.appendChild(answer);
    c.appendChild(element('div', {class: 'error'}));
    c.appendChild(element('h3', {}, 'Probabilities'));
    c.appendChild(svgElement('svg', {class: 'probabilities', id: 'probabilities-' + backend.id,
      width: 400, height: 140, role: 'img', 'aria-label': 'probability of each digit'}));
    c.appendChild(element('h3', {}, `Per layer (${backend.count_unit}), last inference`));
    c.appendChild(svgElement('svg', {class: 'layers', id: 'layers-' + backend.id, width: 420,
      role: 'img', 'aria-label': 'count per layer'}));
    c.appendChild(element('h3', {}, 'Board and model'));
    const details = element('dl', {});
    for (const [label, value] of backend.details) {
      details.appendChild(element('dt', {}, label));
      details.appendChild(element('dd', {}, value));
    }
    c.appendChild(details);
    container.appendChild(c);
  }
  document.getElementById('footer').textContent =
      `${info.server} · ${info.backends.map((b) => b.id).join(' + ')} · page served from the binary`;
}

async function start() {
  clearPad();
  setState('loading', 'loading…');
  try {
    const response = await fetch('/api/info');
    const info = await response.json();
    if (!response.ok) throw new Error(info.error || ('HTTP ' + response.status));
    buildColumns(info);
    clearPad();
  } catch (error) {
    setState('error', 'cannot reach the server: ' + error.message);
  }
}

start();
