// Svelte compiler options shared by the Vite build and svelte-check: runes everywhere.
export default {
  compilerOptions: { runes: true },
};
