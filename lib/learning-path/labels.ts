/** "Beginner" from "beginner": how a level or a learning style reads on the page. */
export const capitalise = (text: string) => `${text[0]?.toUpperCase()}${text.slice(1)}`;
