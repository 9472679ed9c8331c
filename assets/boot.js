// Shows PyScript's start-up progress until the Python app takes over the page.
const text = document.getElementById("boot-text");
const words = {
  "Loading interpreter": "Loading Python…",
  "Loaded interpreter": "Python loaded",
  "Loading files": "Loading the app…",
  "Loaded files": "App loaded",
};
addEventListener("py:progress", ({ detail }) => {
  if (text && document.body.dataset.stage === "loading") {
    text.textContent = words[detail] || detail;
  }
});
