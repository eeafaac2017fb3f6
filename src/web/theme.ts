import type { ThemeConfig } from 'antd';

/** A sober government look: deep blue, small radii, system CJK fonts. */
export const BRAND_BLUE = '#0b4ea2';
export const BRAND_DARK = '#0a2f63';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f3f5f9',
    // WCAG AA contrast (4.5:1) for secondary text, placeholders, warnings and danger (checked by axe in the browser suite).
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
    colorError: '#c62828',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
  },
  components: {
    Layout: { siderBg: BRAND_DARK, headerBg: '#ffffff', headerHeight: 60, headerPadding: '0 24px' },
    Menu: {
      darkItemBg: BRAND_DARK,
      darkSubMenuItemBg: '#08264f',
      darkItemSelectedBg: BRAND_BLUE,
    },
    Table: { headerBg: '#f5f7fb' },
  },
};
