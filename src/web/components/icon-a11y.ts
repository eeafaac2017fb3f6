/**
 * antd icons name themselves in English (`<span role="img" aria-label="plus">`), and that name
 * becomes part of the button or link around them ("plus 新建申报"). Icons are hidden from assistive
 * technology; a control that has nothing but an icon (pagination arrows, the search button of a
 * search box) gets a Chinese name for what it does instead.
 */
const ICON_ACTIONS: Record<string, string> = {
  left: '上一页',
  right: '下一页',
  'double-left': '向前翻页',
  'double-right': '向后翻页',
  search: '搜索',
  close: '关闭',
  'close-circle': '清除',
  plus: '添加',
  delete: '删除',
  edit: '编辑',
  reload: '刷新',
  download: '下载',
  up: '上移',
  down: '下移',
  'arrow-up': '上移',
  'arrow-down': '下移',
  eye: '显示',
  'eye-invisible': '隐藏',
  calendar: '选择日期',
  'menu-fold': '收起菜单',
  'menu-unfold': '展开菜单',
};

function hide(root: ParentNode) {
  root.querySelectorAll?.('.anticon[role="img"][aria-label]').forEach((el) => {
    const name = el.getAttribute('aria-label') ?? '';
    const control = el.closest('button, a[href], [role="button"]');
    if (control && !control.getAttribute('aria-label') && !control.getAttribute('aria-labelledby') && !(control.textContent ?? '').trim()) {
      control.setAttribute('aria-label', control.getAttribute('title') || ICON_ACTIONS[name] || '操作');
    }
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
