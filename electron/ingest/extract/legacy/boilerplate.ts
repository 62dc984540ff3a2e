// Lines that are page furniture, not reporting: bylines, "related news", "follow us", share links.

const patterns: RegExp[] = [
  /^(?:[Bb]y|[Pp]or)\s+[\p{Lu}][\p{L}.'-]+(\s+[\p{Lu}][\p{L}.'-]+){0,3}(\s*[,|]\s*.*)?$/u,
  /^(related|read more|see also|more on this|recommended|most read|lo más leído|noticias relacionadas|te puede interesar|lee también|ver también|relacionad[oa]s?)\b/iu,
  /\b(follow us|síguenos|subscribe|suscríbete|sign up for our newsletter|newsletter|share (this|on)|compartir en|comparte)\b/iu,
  /^(share|tweet|facebook|twitter|whatsapp|linkedin|email|print|copy link)(\s*[|·/,]\s*(share|tweet|facebook|twitter|x|whatsapp|linkedin|email|print|copy link))*$/iu,
  /^(photo|foto|image|imagen|file photo|getty images|reuters|ap photo|afp)\b.{0,80}$/iu,
  /^(updated|published|actualizado|publicado)\b.{0,60}\d/iu,
  /^(advertisement|publicidad|anuncio)$/iu,
  /^©|all rights reserved|todos los derechos reservados/iu,
  /^(tags|etiquetas|temas)\s*:/iu,
];

export function isBoilerplate(line: string): boolean {
  const text = line.trim();
  if (text.length === 0) return false;
  return patterns.some((pattern) => pattern.test(text));
}
