/**
 * A light card for the public pages (antd's Card pulls in Tabs; the portal and the login page
 * must stay small).
 */
import type { HTMLAttributes, ReactNode } from 'react';

export function Panel({
  title,
  extra,
  level = 3,
  className,
  bodyClassName,
  children,
  ...rest
}: {
  title?: ReactNode;
  extra?: ReactNode;
  level?: 2 | 3;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLElement>, 'title'>) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`gg-panel${className ? ` ${className}` : ''}`} {...rest}>
      {title && (
        <header className="gg-panel-head">
          <H className="gg-panel-title">{title}</H>
          {extra && <div className="gg-panel-extra">{extra}</div>}
        </header>
      )}
      <div className={`gg-panel-body${bodyClassName ? ` ${bodyClassName}` : ''}`}>{children}</div>
    </section>
  );
}
