// Nothing for ocop here: the build has three pages, one per browser entry.
export default {
  build: { rollupOptions: { input: ['index.html', 'slim.html', 'score.html'] } },
};
