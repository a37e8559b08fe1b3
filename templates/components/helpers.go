// Package components are the pieces every page shares.
package components

// crumbWidth is the most columns a breadcrumb takes (a CJK character is
// two): a long article title is shortened there, whole in its h1.
const crumbWidth = 40
