import 'generative-elements';
