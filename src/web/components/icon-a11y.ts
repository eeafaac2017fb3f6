/**
 * antd icons name themselves in English (`<span role="img" aria-label="plus">`), and that name
 * becomes part of the button or link around them ("plus 新建申报"). Every icon here is decoration
 * next to a Chinese text or inside a control with its own Chinese aria-label, so icons are hidden
 * from assistive technology: the control's Chinese name is what a screen reader says.
 */
function hide(root: ParentNode) {
  root.querySelectorAll?.('.anticon[role="img"][aria-label]').forEach((el) => {
    el.removeAttribute('aria-label');
    el.removeAttribute('role');
    el.setAttribute('aria-hidden', 'true');
  });
}

export function hideIconNames(doc: Document = document): void {
  hide(doc);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1) hide(n as Element);
      if (r.type === 'attributes' && r.target.nodeType === 1) hide((r.target as Element).parentElement ?? (r.target as Element));
    }
  }).observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
}
