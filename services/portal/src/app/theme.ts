import {
  createTheme,
  defaultVariantColorsResolver,
  Modal,
  Notification,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Text on light and subtle backgrounds in the colour's darkest shades: Mantine's defaults (shade 6) fall short of
 * WCAG AA contrast for small text on white and on the colour's light tint.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !['light', 'subtle', 'outline'].includes(input.variant)) return colors;
  const shades = input.theme.colors[parsed.color];
  if (!shades) return colors;
  // Green, yellow, orange and lime stay too light even at shade 9: their text is the page's own dark grey.
  const text = ['green', 'yellow', 'orange', 'lime', 'teal'].includes(parsed.color) ? input.theme.colors.dark[7]! : shades[9]!;
  return {
    ...colors,
    color: text,
    border: input.variant === 'outline' ? text : colors.border,
    // Hover tints stay pale enough for that text to keep AA contrast.
    hover: input.variant === 'filled' ? colors.hover : shades[0]!,
  };
};

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades for filled buttons and links on white: AA contrast for their text.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  variantColorResolver,
  components: {
    // Icon-only close buttons need a name for screen readers (axe: button-name).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
});

/** Dimmed text, errors and placeholders dark enough to read (AA) on white. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7]!,
    '--mantine-color-error': t.colors.red[9]!,
    '--mantine-color-placeholder': t.colors.gray[6]!,
    '--mantine-color-anchor': t.colors.blue[8]!,
  },
  dark: {},
});
