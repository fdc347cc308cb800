import { Progress } from 'antd';

export const completenessColor = (score: number) => (score >= 80 ? '#52c41a' : score >= 60 ? '#faad14' : '#ff7a45');

/** The completeness score (信息完整度) as a slim bar with the percentage. */
export function CompletenessBar({ score }: { score: number }) {
  return <Progress percent={score} size="small" strokeColor={completenessColor(score)} style={{ margin: 0, minWidth: 90 }} format={(p) => `${p}%`} />;
}
