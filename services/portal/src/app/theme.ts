import { createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/**
 * Text on light and subtle backgrounds in the colour's darkest shades: Mantine's defaults (shade 6) fall short of
 * WCAG AA contrast for small text on white and on the colour's light tint.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !['light', 'subtle', 'outline', 'default'].includes(input.variant)) return colors;
  const text = input.theme.colors[parsed.color]?.[9];
  if (!text || input.variant === 'default') return colors;
  return { ...colors, color: text, border: input.variant === 'outline' ? text : colors.border };
};

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades for filled buttons and links on white: AA contrast for their text.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  variantColorResolver,
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
