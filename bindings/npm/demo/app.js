// The OCOP scoring demo: every number on the page comes from the `ocop` package (the sheet from
// its catalog, the scores, stars, blockers, plan and council from the core). The page only
// renders, and sends what is ticked.
import init, {
  council,
  editions,
  explain,
  plan,
  productSets,
  safeScore,
  searchProductSets,
  sheet as sheetOf,
  subjectTypes,
} from 'ocop';

await init();

const TEXT = {
  vi: {
    title: 'Chấm điểm OCOP', language: 'Ngôn ngữ', edition: 'Bộ tiêu chí', productSet: 'Bộ sản phẩm',
    search: 'Tìm: nước mắm, cà phê…', subjectType: 'Chủ thể', evaluatedOn: 'Ngày đánh giá',
    sheetTab: 'Phiếu đánh giá', councilTab: 'Hội đồng', total: 'Tổng điểm', band: 'Khung điểm',
    awarded: 'Xếp hạng', blockers: 'Điểm chặn hạng sao', plan: 'Để lên hạng sao tiếp theo',
    warnings: 'Lưu ý', members: 'Số thành viên', maxSpread: 'Chênh lệch tối đa 10 điểm',
    copySheet: 'Chép phiếu cho mọi thành viên', mean: 'Điểm trung bình', member: 'Thành viên',
    noOption: 'Không có phương án phù hợp (0 điểm)', knockout: 'Điều kiện loại áp dụng',
    answered: (n, m) => `Đã chấm ${n}/${m} tiêu chí${n < m ? '; tiêu chí chưa chấm tính 0 điểm' : ''}.`,
    points: 'điểm', none: 'Không có.', certified: 'được công nhận và cấp giấy chứng nhận',
    notCertified: 'chưa đủ hạng để công nhận', notRated: 'Dừng đánh giá tại', rejected: 'Sản phẩm bị loại',
    needs: (b) => `${b.code} cần ít nhất ${b.needsPoints} điểm (hiện ${b.hasPoints})`,
    change: (c) => `${c.code}: phương án ${c.fromOption ?? '–'} → ${c.toOption} (+${c.toPoints - c.fromPoints} điểm)`,
    planResult: (p) => `→ ${p.newTotal} điểm, ${p.newStars} sao`,
    planNone: 'Không có phương án nâng hạng.', top: 'Đã đạt hạng cao nhất.',
    spread: 'chênh lệch', stands: 'Kết quả hợp lệ.', rescore: 'Hội đồng cần thảo luận và chấm lại.',
  },
  en: {
    title: 'OCOP scoring', language: 'Language', edition: 'Edition', productSet: 'Product set',
    search: 'Search: fish sauce, coffee…', subjectType: 'Producer', evaluatedOn: 'Evaluation date',
    sheetTab: 'Sheet', councilTab: 'Council', total: 'Total', band: 'Band', awarded: 'Awarded',
    blockers: 'Markers blocking a star', plan: 'To reach the next star', warnings: 'Notes',
    members: 'Members', maxSpread: 'At most 10 points between members',
    copySheet: 'Copy the sheet to every member', mean: 'Mean', member: 'Member',
    noOption: 'No option applies (0 points)', knockout: 'This knock-out applies',
    answered: (n, m) => `${n} of ${m} criteria answered${n < m ? '; unanswered ones count 0 for now' : ''}.`,
    points: 'points', none: 'None.', certified: 'recognised and certified',
    notCertified: 'below the certified stars', notRated: 'Evaluation stopped at', rejected: 'The product is out',
    needs: (b) => `${b.code} needs at least ${b.needsPoints} points (has ${b.hasPoints})`,
    change: (c) => `${c.code}: option ${c.fromOption ?? '–'} → ${c.toOption} (+${c.toPoints - c.fromPoints} points)`,
    planResult: (p) => `→ ${p.newTotal} points, ${p.newStars} stars`,
    planNone: 'No plan reaches a higher star.', top: 'Already at the top star.',
    spread: 'spread', stands: 'The result stands.', rescore: 'The council should discuss and score again.',
  },
};

const state = {
  lang: 'vi', edition: '', set: 0, subjectType: '', evaluatedOn: '',
  answers: {}, knockouts: new Set(), members: [], tab: 'sheet',
};
let criteria = [];

const $ = (id) => document.getElementById(id);
const t = (key, ...args) => {
  const v = TEXT[state.lang][key];
  return typeof v === 'function' ? v(...args) : v;
};
// English labels are still being written for parts of the catalog; the Vietnamese text is the
// regulation's own and always there.
const label = (text) => (state.lang === 'en' && text.en && text.en !== '?' ? text.en : text.vi);
const stars = (n) => (n ? '★'.repeat(n) + '☆'.repeat(5 - n) : '–');
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};
const isOrganisationType = (c) => c.options.some((o) => o.subjectTypes?.length);

// ---- choosing the product ----

function fillSelect(select, items, value) {
  select.replaceChildren(...items.map(([v, text]) => el('option', { value: v, textContent: text })));
  if (items.some(([v]) => String(v) === String(value))) select.value = value;
  return select.value;
}

function chooseEdition() {
  fillSelect($('edition'), editions().map((e) => [e.id, `${e.number}${e.inForceUntil ? '' : ' ✓'}`]), state.edition);
  state.edition = $('edition').value;
  chooseProductSet();
}

function chooseProductSet() {
  const query = $('search').value.trim();
  const sets = productSets(state.edition);
  const shown = query
    ? searchProductSets(state.edition, query).map((hit) => sets.find((s) => s.number === hit.productSet))
    : sets;
  state.set = Number(fillSelect($('product-set'), shown.map((s) => [s.number, `${s.number}. ${label(s.name)}`]), state.set));
  chooseSubjectType();
}

function chooseSubjectType() {
  const eligible = subjectTypes(state.edition)
    .filter((s) => !s.onlyProductSets?.length || s.onlyProductSets.includes(state.set));
  state.subjectType = fillSelect($('subject-type'), eligible.map((s) => [s.id, label(s.name)]), state.subjectType);
  renderSheet();
}

// ---- the sheet ----

function renderSheet() {
  if (!state.set) {
    criteria = [];
    $('sheet').replaceChildren();
    return update();
  }
  const data = sheetOf(state.edition, state.set);
  criteria = data.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));
  const codes = new Set(criteria.map((c) => c.code));
  for (const code of Object.keys(state.answers)) if (!codes.has(code)) delete state.answers[code];
  for (const code of state.knockouts) if (!codes.has(code)) state.knockouts.delete(code);
  const parts = data.parts.map((part) => [
    el('h2', { textContent: `${part.code}. ${label(part.name)} (${part.max})` }),
    ...part.sections.flatMap((section) => [
      // A section that is one criterion (C7…C11) is titled by its criterion alone.
      section.criteria.length === 1 && section.criteria[0].code === section.code
        ? null
        : el('h3', { textContent: `${section.code}. ${label(section.name)} (${section.max})` }),
      ...section.criteria.map(renderCriterion),
    ].filter(Boolean)),
  ]);
  $('sheet').replaceChildren(el('h2', { className: 'muted', textContent: label(data.title) }), ...parts.flat());
  renderCouncil();
  update();
}

function renderCriterion(c) {
  const name = `opt-${c.code}`;
  const choice = (value, text, points, extra = {}) => {
    const input = el('input', { type: 'radio', name, value, checked: state.answers[c.code] === (value === 'null' ? null : Number(value)), ...extra });
    input.addEventListener('change', () => {
      state.answers[c.code] = value === 'null' ? null : Number(value);
      update();
    });
    return el('label', { className: `option${extra.disabled ? ' disabled' : ''}` }, input, el('span', {}, ...text), el('span', { className: 'points', textContent: points }));
  };
  const options = c.options.map((o, i) => {
    const forOthers = o.subjectTypes?.length && !o.subjectTypes.includes(state.subjectType);
    const marker = o.minStar ? el('span', { className: 'marker', title: `≥ ${o.minStar}★`, textContent: ` ${'★'.repeat(o.minStar)}` }) : null;
    return choice(String(i), [label(o), marker], `${o.points} ${t('points')}`, { disabled: Boolean(forOthers) });
  });
  const knockout = c.knockout && el('label', { className: 'knockout' },
    el('input', {
      type: 'checkbox', name: `ko-${c.code}`, checked: state.knockouts.has(c.code),
      onchange: (e) => { e.target.checked ? state.knockouts.add(c.code) : state.knockouts.delete(c.code); update(); },
    }),
    el('span', { textContent: `${t('knockout')}: ${label(c.knockout.text)}` }));
  return el('fieldset', { className: 'criterion', id: `c-${c.code}` },
    el('legend', {}, `${c.code}. ${label(c.name)} `, el('span', { className: 'max', textContent: `(${c.max})` })),
    ...options,
    choice('null', [t('noOption')], '0'),
    knockout);
}

/** What the sheet is for, with the knock-outs ticked: shared by the sheet and the council. */
function product() {
  return {
    edition: state.edition, productSet: state.set, subjectType: state.subjectType,
    ...(state.evaluatedOn && { evaluatedOn: state.evaluatedOn }),
    knockouts: [...state.knockouts],
  };
}

/** Answers as ticked. Unanswered criteria count 0 for now (`null`), except the organisation
 *  type, which the core fills in from the producer when only one option fits. */
function answersOf(ticks) {
  const answers = {};
  for (const c of criteria) {
    if (c.code in ticks) answers[c.code] = ticks[c.code];
    else if (!isOrganisationType(c)) answers[c.code] = null;
  }
  return answers;
}

const evaluation = () => ({ ...product(), answers: answersOf(state.answers) });

/** The result in words: the core's own sentence, in the page's language. */
const words = (r) => explain(r, state.lang);
const said = (l) => l[state.lang] ?? '';

function verdict(r, x = words(r)) {
  const o = r.outcome;
  if (o.kind === 'notRated') return `${t('notRated')} ${o.at}: ${x.outcome.map(said).join('; ')}`;
  if (o.kind === 'rejected') return `${t('rejected')}${o.at ? ` (${o.at})` : ''}: ${x.outcome.map(said).join('; ')}`;
  return `${r.stars}★ — ${r.certifiable ? t('certified') : t('notCertified')}. ${said(x.summary)}`;
}

function showErrors(list, errors) {
  list.replaceChildren(...errors.map((e) => el('li', { textContent: `${e.code}${e.path ? ` ${e.path}` : ''}: ${e.message}` })));
}

function update() {
  for (const f of document.querySelectorAll('fieldset.criterion')) f.classList.remove('error', 'blocked');
  const answered = criteria.filter((c) => c.code in state.answers).length;
  $('answered').textContent = criteria.length ? t('answered', answered, criteria.length) : '';
  const answer = criteria.length ? safeScore(evaluation()) : { type: 'failure', errors: [] };
  if (answer.type === 'failure') {
    for (const id of ['total', 'band', 'stars']) $(id).textContent = '–';
    $('parts').replaceChildren();
    $('verdict').textContent = '';
    for (const id of ['blockers', 'plan', 'warnings']) $(id).replaceChildren();
    showErrors($('errors'), answer.errors);
    for (const e of answer.errors) $(`c-${e.path.split('/')[2]}`)?.classList.add('error');
    return;
  }
  const r = answer.result;
  $('errors').replaceChildren();
  // The option the core filled in from the producer (the organisation type) is shown ticked.
  const filled = r.lines.filter((l) => l.status === 'filled' && !(l.code in state.answers));
  for (const l of filled) {
    const radio = document.querySelector(`#c-${CSS.escape(l.code)} input[type=radio][value="${l.option}"]`);
    if (radio) radio.checked = true;
  }
  $('answered').textContent = t('answered', answered + filled.length, criteria.length);
  $('total').textContent = `${r.total}/${r.maxTotal}`;
  $('parts').replaceChildren(...r.parts.map((p) => el('span', { textContent: `${p.code} ${p.points}/${p.max}` })));
  $('band').textContent = stars(r.band);
  $('stars').textContent = stars(r.stars);
  $('band').dataset.star = r.band ?? '';
  $('stars').dataset.star = r.stars ?? '';
  const x = words(r);
  $('verdict').textContent = verdict(r, x);
  $('blockers').replaceChildren(...(r.blockers.length
    ? r.blockers.map((b) => {
      $(`c-${b.code}`)?.classList.add('blocked');
      return el('li', { textContent: `${b.star}★: ${t('needs', b)}` });
    })
    : [el('li', { textContent: t('none') })]));
  $('warnings').replaceChildren(...r.warnings.map((w, i) => el('li', { textContent: `${w.code}: ${said(x.warnings[i])}` })));
  renderPlan(r);
  updateCouncil();
}

function renderPlan(r) {
  if (r.outcome.kind === 'rejected') return $('plan').replaceChildren();
  if (r.stars === 5) return $('plan').replaceChildren(el('p', { textContent: t('top') }));
  try {
    const p = plan({ evaluation: evaluation() });
    $('plan').replaceChildren(p.reachable
      ? el('div', {}, el('ul', {}, ...p.changes.map((c) => el('li', { textContent: t('change', c) }))), el('p', { textContent: t('planResult', p) }))
      : el('p', { textContent: t('planNone') }));
  } catch (e) {
    if (e.name !== 'OcopError') throw e;
    $('plan').replaceChildren(el('p', { className: 'errors', textContent: e.message }));
  }
}

// ---- the council ----

function renderCouncil() {
  const n = Math.max(1, Math.min(9, Number($('members').value) || 1));
  state.members.length = Math.min(state.members.length, n);
  while (state.members.length < n) state.members.push({});
  const head = el('tr', {}, el('th', { textContent: '' }),
    ...state.members.map((_, m) => el('th', { textContent: `${t('member')} ${m + 1}` })));
  const rows = criteria.map((c) => el('tr', { id: `row-${c.code}` },
    el('th', { textContent: `${c.code} ${label(c.name)}`, title: label(c.name) }),
    ...state.members.map((member, m) => {
      const select = el('select', { ariaLabel: `${t('member')} ${m + 1} ${c.code}` },
        el('option', { value: '', textContent: '–' }),
        ...c.options.map((o, i) => el('option', { value: String(i), textContent: `${i}: ${o.points}` })));
      select.dataset.member = String(m);
      select.dataset.code = c.code;
      select.value = member[c.code] === undefined || member[c.code] === null ? '' : String(member[c.code]);
      select.addEventListener('change', () => {
        if (select.value === '') delete member[c.code];
        else member[c.code] = Number(select.value);
        updateCouncil();
      });
      return el('td', {}, select);
    })));
  $('council-grid').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  updateCouncil();
}

function updateCouncil() {
  if (!criteria.length) return;
  const input = {
    ...product(),
    members: state.members.map((ticks, m) => ({ name: `${t('member')} ${m + 1}`, answers: answersOf(ticks) })),
    ...($('max-spread').checked && { rules: { maxSpread: 10 } }),
  };
  for (const row of document.querySelectorAll('#council-grid tr.disagree')) row.classList.remove('disagree');
  try {
    const r = council(input);
    $('council-errors').replaceChildren();
    $('council-mean').textContent = r.roundedMean ?? r.mean;
    $('council-band').textContent = stars(r.result.band);
    $('council-stars').textContent = stars(r.result.stars);
    $('council-stars').dataset.star = r.result.stars ?? '';
    $('council-members').textContent = `${r.members.map((m) => m.total).join(' · ')} (${t('spread')} ${r.spread})`;
    $('council-verdict').textContent = `${verdict(r.result)}. ${r.resultStands ? t('stands') : t('rescore')}`;
    for (const d of r.disagreements) $(`row-${d.code}`)?.classList.add('disagree');
  } catch (e) {
    if (e.name !== 'OcopError') throw e;
    for (const id of ['council-mean', 'council-band', 'council-stars']) $(id).textContent = '–';
    $('council-members').textContent = '';
    $('council-verdict').textContent = '';
    showErrors($('council-errors'), e.errors);
  }
}

// ---- wiring ----

function translate() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
}

function showTab(tab) {
  state.tab = tab;
  $('tab-sheet').ariaSelected = String(tab === 'sheet');
  $('tab-council').ariaSelected = String(tab === 'council');
  $('sheet-view').hidden = tab !== 'sheet';
  $('council-view').hidden = tab !== 'council';
}

$('lang').addEventListener('change', (e) => {
  state.lang = e.target.value;
  translate();
  chooseEdition();
});
$('edition').addEventListener('change', (e) => { state.edition = e.target.value; chooseProductSet(); });
$('search').addEventListener('input', chooseProductSet);
$('product-set').addEventListener('change', (e) => { state.set = Number(e.target.value); chooseSubjectType(); });
$('subject-type').addEventListener('change', (e) => { state.subjectType = e.target.value; renderSheet(); });
$('evaluated-on').addEventListener('change', (e) => { state.evaluatedOn = e.target.value; update(); });
$('tab-sheet').addEventListener('click', () => showTab('sheet'));
$('tab-council').addEventListener('click', () => showTab('council'));
$('members').addEventListener('change', renderCouncil);
$('max-spread').addEventListener('change', updateCouncil);
$('copy-sheet').addEventListener('click', () => {
  state.members = state.members.map(() => ({ ...state.answers }));
  renderCouncil();
});

translate();
chooseEdition();
document.body.dataset.ready = 'true';
