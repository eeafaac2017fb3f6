import { Spin } from 'antd';

export function PageLoading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div className="gg-page-loading" role="status" aria-live="polite">
      <Spin size="large" />
      <span>{tip}</span>
    </div>
  );
}
