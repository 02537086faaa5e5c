// Story coverage fixture, for the build and browser tests: three outlets report one event in their own words within
// a day (the story `/stories/2024-05-bridge-opens/`), and a fourth article is another event at the same harbour.

const source = (name: string, url: string) => `name: '${name}'\nurl: '${url}'\nlanguage: en\n`;
const article = (title: string, date: string, from: string, body: string, extra = '') =>
  `---\ntitle: '${title}'\ndate: '${date}'\nsource: '${from}'\nsourceUrl: 'https://${from}.example/${date.slice(0, 10)}'\n${extra}---\n\n${body}\n`;

/** The fixture's files, to write over a copy of the demo content. */
export function storyFixtureFiles(): Record<string, string> {
  return {
    'sources/harbour-post.yaml': source('Harbour Post', 'https://harbour-post.example/'),
    'sources/euro-daily.yaml': source('Euro Daily', 'https://euro-daily.example/'),
    'sources/coast-radio.yaml': source('Coast Radio', 'https://coast-radio.example/'),
    'articles/2024/05/bridge-opens.md': article(
      'Piraeus harbour bridge opens to traffic after six years of work',
      '2024-05-14T08:00:00+03:00',
      'harbour-post',
      'The new bridge over the Piraeus harbour opened to traffic on Tuesday morning, six years after work began, linking the ferry terminals with the ring road.',
    ),
    'articles/2024/05/first-cars-cross.md': article(
      'First cars cross new Piraeus bridge as harbour link opens',
      '2024-05-14T11:30:00+03:00',
      'euro-daily',
      'Drivers crossed the long-awaited Piraeus harbour bridge for the first time on Tuesday, after six years of construction on the link between the ferry terminals and the ring road.',
    ),
    'articles/2024/05/bridge-traffic.md': article(
      'Harbour bridge in Piraeus finally open to traffic',
      '2024-05-14T19:00:00+03:00',
      'coast-radio',
      'After six years of works the harbour bridge in Piraeus opened on Tuesday, connecting the ferry terminals to the ring road and easing traffic in the port.',
    ),
    'articles/2024/05/bridge-fare.md': article(
      'Ferry fares to the islands rise by ten per cent from June',
      '2024-05-15T09:00:00+03:00',
      'harbour-post',
      'Ferry operators will raise fares to the Cyclades by ten per cent from the first of June, citing fuel costs, the shipping ministry said on Wednesday.',
    ),
  };
}
