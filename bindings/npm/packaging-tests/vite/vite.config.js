// Nothing for ocop here: the build has two pages, one per entry.
export default {
  build: { rollupOptions: { input: ['index.html', 'slim.html'] } },
};
