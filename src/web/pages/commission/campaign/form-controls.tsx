/** The application editor's text-typed controls (NumberText, DateInput) inside an antd Form.Item, which injects id/value/onChange. */
import { DateInput, NumberText } from '../../../components/application/controls';
import type { ControlProps } from '../../../components/application/FieldKit';

type Injected<V> = Partial<Pick<ControlProps<V>, 'id' | 'value' | 'onChange' | 'disabled'>> & { 'aria-label': string };

export function FormNumber({ suffix, style, ...p }: Injected<number | undefined> & { suffix?: string; style?: React.CSSProperties }) {
  return <NumberText {...(p as ControlProps<number | undefined>)} suffix={suffix} style={style} />;
}

export function FormDate(p: Injected<string | undefined>) {
  return <DateInput {...(p as ControlProps<string | undefined>)} />;
}
