/** State tabs of a list page, each with its count (the urgent one red while it has rows). */
import { Badge, Tabs } from 'antd';

export interface CountTab {
  key: string;
  label: string;
  count?: number;
}

export function CountTabs({ tabs, active, onChange, urgent, label }: { tabs: CountTab[]; active: string; onChange(key: string): void; /** Key of the tab that asks for work. */ urgent?: string; label: string }) {
  return (
    <nav aria-label={label}>
      <Tabs
        activeKey={active}
        onChange={onChange}
        items={tabs.map((t) => ({
          key: t.key,
          label: (
            <span>
              {t.label}
              {t.count !== undefined && (
                <>
                  <span aria-hidden>
                    <Badge className="gg-rv-tabs-count" count={t.count} showZero overflowCount={9999} color={t.key === urgent && t.count > 0 ? '#cf1322' : '#8a94a6'} />
                  </span>
                  <span className="gg-sr-only">（{t.count} 项）</span>
                </>
              )}
            </span>
          ),
        }))}
      />
    </nav>
  );
}
