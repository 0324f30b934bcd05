import { Text, Tooltip, type TextProps } from '@mantine/core';

type TruncatedTextProps = TextProps & { children: string; maxWidth?: number | string };

/** One line of text cut with an ellipsis; the whole text shows on hover. */
export function TruncatedText({ children, maxWidth, ...props }: TruncatedTextProps) {
  return (
    <Tooltip label={children} disabled={children.length < 24} multiline maw={420} openDelay={300} withinPortal>
      <Text truncate="end" maw={maxWidth} {...props}>
        {children}
      </Text>
    </Tooltip>
  );
}
