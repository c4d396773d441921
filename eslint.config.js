// Lint: typescript-eslint's recommended rules over all TypeScript sources.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'coverage/**', 'dist/**', 'emulator/cli/dist/**', 'emulator/cli/standalone/**', 'reports/**/*.html', 'contracts/**/*.json'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // CommonJS entry points of the package (Jest and mocha helpers) load the package with require().
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
